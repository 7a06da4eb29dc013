# SPDX-License-Identifier: BSL-1.0
# fish completion for portinfo(1): its options, and the values of --protocol and --format.
# Installed as share/fish/vendor_completions.d/portinfo.fish.
# tests/portinfo/test_docs.py checks that every option of `portinfo --help` is here.

# A QUERY is a port or a service name, not a file.
complete -c portinfo -f

# Settings
complete -c portinfo -l protocol -x -a 'tcp udp sctp dccp' -d 'Protocol of arguments without one'
complete -c portinfo -l format -x -a 'table csv json services' -d 'How rows are printed'
complete -c portinfo -l wide -d 'Table cells whole, with a Source column'

# Questions: one a call
complete -c portinfo -l search -x -d 'Rows whose port number as written contains TEXT'
complete -c portinfo -l search-name -x -d 'Rows whose name contains TEXT'
complete -c portinfo -l search-description -x -d 'Rows whose description contains TEXT'
complete -c portinfo -l all -d 'Every row'
complete -c portinfo -l status -x -d 'Status of PORT[/PROTO], with the rows behind it'
complete -c portinfo -l class -x -d 'System, user or dynamic (RFC 6335 section 6)'
complete -c portinfo -l free -x -d 'Unassigned ports in FIRST-LAST[/PROTO], as ranges'
complete -c portinfo -l who -x -d 'Rows of QUERY with the people behind each'
complete -c portinfo -l registry-info -d "The registry's date, rows and service names"
complete -c portinfo -l version -d "portinfo's version and its registry's date"
complete -c portinfo -s h -l help -d 'The usage and a summary of the options'
