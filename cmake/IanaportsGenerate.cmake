# SPDX-License-Identifier: BSL-1.0
include_guard(GLOBAL)
# ianaports_generate_tables(<target> REGISTRY <xml> OUTPUT_DIR <dir>
#                           [OMIT <column group>...] [PROTOCOLS <protocol>...] [INDEX fast|compact]
#                           [LOCAL <services file>...] [LOCAL_CONFLICTS warn|error|ignore])
#
# The generated headers, under the include directory the generator writes into, as the generator
# names them: the tables' (IANAPORTS_TABLES_HEADER, which ports.hpp includes) and their people's.
execute_process(COMMAND "${Python3_EXECUTABLE}" "${CMAKE_CURRENT_LIST_DIR}/../codegen/generate.py" --list-outputs
                OUTPUT_VARIABLE IANAPORTS_GENERATED_HEADERS OUTPUT_STRIP_TRAILING_WHITESPACE
                RESULT_VARIABLE ianaports_listed)
if(NOT ianaports_listed EQUAL 0)
  message(FATAL_ERROR "ianaports: codegen/generate.py --list-outputs failed (${ianaports_listed})")
endif()
string(REPLACE "\n" ";" IANAPORTS_GENERATED_HEADERS "${IANAPORTS_GENERATED_HEADERS}")
list(GET IANAPORTS_GENERATED_HEADERS 0 IANAPORTS_TABLES_HEADER)

# Adds <target>, which (re)writes <dir>/${IANAPORTS_GENERATED_HEADERS} from the registry
# XML whenever the XML or the generator changes. <dir> is then an include directory. OMIT and
# PROTOCOLS make a lean build (codegen/generate.py --omit, --protocols); INDEX chooses the index
# (generate.py --index; empty: compact for a lean build, else fast). LOCAL are the user's own
# services files, set before the registry's rows (generate.py --local), and LOCAL_CONFLICTS what
# a conflict of theirs with the registry does (--local-conflicts; empty: warn).
function(ianaports_generate_tables target)
  cmake_parse_arguments(PARSE_ARGV 1 arg "" "REGISTRY;OUTPUT_DIR;INDEX;LOCAL_CONFLICTS" "OMIT;PROTOCOLS;LOCAL")
  if(NOT arg_REGISTRY OR NOT arg_OUTPUT_DIR)
    message(FATAL_ERROR "ianaports_generate_tables: REGISTRY and OUTPUT_DIR are required")
  endif()
  get_filename_component(registry "${arg_REGISTRY}" ABSOLUTE)
  if(NOT EXISTS "${registry}")
    message(FATAL_ERROR "ianaports: registry file not found: ${registry}")
  endif()
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
