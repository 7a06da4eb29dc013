# SPDX-License-Identifier: BSL-1.0
# bash completion for portinfo(1): its options, and the values of --protocol and --format.
# Installed as share/bash-completion/completions/portinfo, or sourced from ~/.bashrc.
# tests/portinfo/test_docs.py checks that every option of `portinfo --help` is offered.

_portinfo() {
    local cur=${COMP_WORDS[COMP_CWORD]}
    local prev=
    ((COMP_CWORD > 0)) && prev=${COMP_WORDS[COMP_CWORD - 1]}
    local options='--protocol --format --wide --search --search-name --search-description
        --all --status --class --free --who --registry-info --version --help -h'

    # --format=json may reach us as one word, or as "--format" "=" "json" when '=' is in
    # COMP_WORDBREAKS (as it is by default).
    local option= prefix=
    if [[ $cur == --*=* ]]; then
        option=${cur%%=*}
        prefix=$option=
        cur=${cur#*=}
    elif [[ $cur == = ]] && ((COMP_CWORD > 1)); then
        option=$prev
        cur=
    elif [[ $prev == = ]] && ((COMP_CWORD > 1)); then
        option=${COMP_WORDS[COMP_CWORD - 2]}
    else
        option=$prev
    fi

    local values=
    case $option in
        --protocol) values='tcp udp sctp dccp' ;;
        --format) values='table csv json services' ;;
        --search | --search-name | --search-description | --status | --class | --free | --who)
            COMPREPLY=()  # a TEXT, a PORT or a QUERY: nothing to offer
            return 0
            ;;
    esac
    if [[ -n $values ]]; then
        COMPREPLY=($(compgen -P "$prefix" -W "$values" -- "$cur"))
        return 0
    fi

    # Options only: a QUERY is a port or a service name, not a file. After "--", queries only.
    local i
    for ((i = 1; i < COMP_CWORD; i++)); do
        if [[ ${COMP_WORDS[i]} == -- ]]; then
            COMPREPLY=()
            return 0
        fi
    done
    if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "$options" -- "$cur"))
    else
        COMPREPLY=()
    fi
    return 0
}

complete -F _portinfo portinfo
