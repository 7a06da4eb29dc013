# SPDX-License-Identifier: BSL-1.0
"""ianaports' generator: the registry's XML (and a user's services files) in, C++ tables out.

The package's modules, one job each:
    registry_model   the data model every other module shares: rows, people, protocols, errors
    registry_xml     IANA's XML -> a Registry (every column, rendered as IANA's CSV export)
    local_services   a user's services(5) or XML files -> local rows, conflicts reported
    tables/          one builder per table, and the layout facts the C++ readers check
    perfect_hash     the name index's hash and displacement
    cpp_emit         the tables -> C++ text, every byte of registry text escaped
    version          the project's version, read from the C++ header that holds it

Its commands, each also run as a file (python3 codegen/NAME.py ...):
    generate         the build step: the generated headers (CMake and Meson run it)
    amalgamate       the single header, single_include/ (committed; --check says if it is stale)
    diff             a user's tool: what changed between two registry releases
    update           a user's tool: the registry file replaced by IANA's newest release, when
                     that is whole, valid and newer
"""
