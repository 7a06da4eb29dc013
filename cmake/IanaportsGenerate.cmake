# SPDX-License-Identifier: BSL-1.0
include_guard(GLOBAL)
# ianaports_generate_tables(<target> REGISTRY <xml> OUTPUT_DIR <dir>
#                           [OMIT <column group>...] [PROTOCOLS <protocol>...] [INDEX fast|compact]
#                           [LOCAL <services file>...] [LOCAL_CONFLICTS warn|error|ignore])
#
# What the generator says of itself (generate.py --describe): the headers it writes under the
# include directory it is given, the tables' first (IANAPORTS_TABLES_HEADER, which ports.hpp
# includes); and the values of its options, which a call below is checked against when CMake
# configures, rather than when the generator runs.
execute_process(COMMAND "${Python3_EXECUTABLE}" "${CMAKE_CURRENT_LIST_DIR}/../codegen/generate.py" --describe
                OUTPUT_VARIABLE ianaports_described RESULT_VARIABLE ianaports_describe_status)
if(NOT ianaports_describe_status EQUAL 0)
  message(FATAL_ERROR "ianaports: codegen/generate.py --describe failed (${ianaports_describe_status})")
endif()
function(ianaports_described_list variable key)
  string(JSON count LENGTH "${ianaports_described}" ${key})
  set(items)
  math(EXPR last "${count} - 1")
  foreach(i RANGE ${last})
    string(JSON item GET "${ianaports_described}" ${key} ${i})
    list(APPEND items "${item}")
  endforeach()
  set(${variable} "${items}" PARENT_SCOPE)
endfunction()
ianaports_described_list(IANAPORTS_GENERATED_HEADERS outputs)
ianaports_described_list(IANAPORTS_COLUMN_GROUPS column_groups)
ianaports_described_list(IANAPORTS_PROTOCOL_NAMES protocols)
ianaports_described_list(IANAPORTS_INDEXES indexes)
ianaports_described_list(IANAPORTS_LOCAL_CONFLICT_MODES local_conflicts)
list(GET IANAPORTS_GENERATED_HEADERS 0 IANAPORTS_TABLES_HEADER)

# Each of values is one of choices, or a FATAL_ERROR names it, the setting and the choices.
function(ianaports_check_choices setting what values choices)
  foreach(value IN LISTS values)
    if(NOT value IN_LIST choices)
      list(JOIN choices ", " named)
      message(FATAL_ERROR "ianaports: ${setting}: unknown ${what} '${value}'; choose from ${named}")
    endif()
  endforeach()
endfunction()

# Adds <target>, which (re)writes <dir>/${IANAPORTS_GENERATED_HEADERS} from the registry
# XML whenever the XML or the generator changes. <dir> is then an include directory. OMIT and
# PROTOCOLS make a lean build (codegen/generate.py --omit, --protocols); INDEX chooses the index
# (generate.py --index; empty: compact for a lean build, else fast). LOCAL are the user's own
# services files, set before the registry's rows (generate.py --local), and LOCAL_CONFLICTS what
# a conflict of theirs with the registry does (--local-conflicts; empty: warn).
# An option given empty (INDEX "") is parsed as empty, as CMake 3.31 and newer do (CMP0174; older
# CMake unsets it, which reads the same here): newer CMake then has nothing to warn of.
if(POLICY CMP0174)
  cmake_policy(SET CMP0174 NEW)
endif()
function(ianaports_generate_tables target)
  cmake_parse_arguments(PARSE_ARGV 1 arg "" "REGISTRY;OUTPUT_DIR;INDEX;LOCAL_CONFLICTS" "OMIT;PROTOCOLS;LOCAL")
  if(NOT arg_REGISTRY OR NOT arg_OUTPUT_DIR)
    message(FATAL_ERROR "ianaports_generate_tables: REGISTRY and OUTPUT_DIR are required")
  endif()
  get_filename_component(registry "${arg_REGISTRY}" ABSOLUTE)
  if(NOT EXISTS "${registry}")
    message(FATAL_ERROR "ianaports: registry file not found: ${registry}")
  endif()
  ianaports_check_choices(IANAPORTS_OMIT_COLUMNS "column group" "${arg_OMIT}" "${IANAPORTS_COLUMN_GROUPS}")
  ianaports_check_choices(IANAPORTS_PROTOCOLS protocol "${arg_PROTOCOLS}" "${IANAPORTS_PROTOCOL_NAMES}")
  ianaports_check_choices(IANAPORTS_INDEX index "${arg_INDEX}" "${IANAPORTS_INDEXES}")
  ianaports_check_choices(IANAPORTS_LOCAL_CONFLICTS "conflict mode" "${arg_LOCAL_CONFLICTS}"
                          "${IANAPORTS_LOCAL_CONFLICT_MODES}")
  set(header "${arg_OUTPUT_DIR}/${IANAPORTS_TABLES_HEADER}")
  list(TRANSFORM IANAPORTS_GENERATED_HEADERS PREPEND "${arg_OUTPUT_DIR}/" OUTPUT_VARIABLE headers)
  set(lean_args)
  if(arg_OMIT)
    list(JOIN arg_OMIT "," omit)
    list(APPEND lean_args "--omit=${omit}")
  endif()
  if(arg_PROTOCOLS)
    list(JOIN arg_PROTOCOLS "," protocols)
    list(APPEND lean_args "--protocols=${protocols}")
  endif()
  if(arg_INDEX)
    list(APPEND lean_args "--index=${arg_INDEX}")
  endif()
  set(local_files)
  foreach(file IN LISTS arg_LOCAL)
    get_filename_component(file "${file}" ABSOLUTE)
    if(NOT EXISTS "${file}")
      message(FATAL_ERROR "ianaports: local services file not found: ${file}")
    endif()
    list(APPEND local_files "${file}")
    list(APPEND lean_args "--local=${file}")
  endforeach()
  if(NOT "${arg_LOCAL_CONFLICTS}" STREQUAL "")  # (a bare if() would read "ignore" as false)
    list(APPEND lean_args "--local-conflicts=${arg_LOCAL_CONFLICTS}")
  endif()
  # The generator lists what it read (the registry, its own modules) in the depfile.
  add_custom_command(
    OUTPUT ${headers}
    COMMAND Python3::Interpreter "${ianaports_SOURCE_DIR}/codegen/generate.py"
            --registry "${registry}" --output "${arg_OUTPUT_DIR}" --depfile "${header}.d"
            ${lean_args}
    DEPENDS "${registry}" ${local_files} "${ianaports_SOURCE_DIR}/codegen/generate.py"
    DEPFILE "${header}.d"
    COMMENT "ianaports: generating tables from ${registry}"
    VERBATIM)
  add_custom_target(${target} ALL DEPENDS ${headers})  # ALL: installing needs it too
endfunction()
