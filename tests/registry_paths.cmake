# SPDX-License-Identifier: BSL-1.0
# IANAPORTS_REGISTRY as users give it: relative paths, and paths with the characters that build
# tools treat specially. Each case configures ianaports alone (no tests, examples or tools)
# and builds its tables, from a copy of REGISTRY, then checks that the header came from that copy.
#   cmake -DSOURCE_DIR=... -DWORK_DIR=... -DGENERATOR=... -DREGISTRY=small.xml -DCASE=... -P registry_paths.cmake
# CASE: relative-typed (-DIANAPORTS_REGISTRY:FILEPATH=rel/r.xml, run beside rel/), relative-untyped
# (the same without the type), odd-characters (a folder named with all of them: it builds, or
# each character refused at configure time is named in one message), refused (';' and '\': always refused).
cmake_minimum_required(VERSION 3.20)
file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}")
file(SHA256 "${REGISTRY}" registry_sha256)
set(expected_sha256 "${registry_sha256}")  # what the header must say it came from
set(options -G "${GENERATOR}" -DIANAPORTS_BUILD_TESTS=OFF -DIANAPORTS_BUILD_EXAMPLES=OFF
    -DIANAPORTS_BUILD_TOOLS=OFF -DIANAPORTS_INSTALL=OFF)

# Configures (from WORK_DIR, with the -D given) and builds the tables into build folder <dir>;
# sets <result> to "built", or to the configure step's error output. The header is removed
# first, so that one left by an earlier case in the same folder cannot pass for this one's.
function(configure_and_build out_var dir definition)
  set(header_file "${dir}/generated/include/ianaports/detail/registry_tables.hpp")
  file(REMOVE "${header_file}")
  execute_process(COMMAND "${CMAKE_COMMAND}" -S "${SOURCE_DIR}" -B "${dir}" ${options} "${definition}"
                  WORKING_DIRECTORY "${WORK_DIR}" RESULT_VARIABLE status OUTPUT_QUIET ERROR_VARIABLE err)
  if(NOT status EQUAL 0)
    string(REGEX REPLACE "[ \n]+" " " err "${err}")  # CMake wraps long messages
    set(${out_var} "${err}" PARENT_SCOPE)
    return()
  endif()
  execute_process(COMMAND "${CMAKE_COMMAND}" --build "${dir}" --target ianaports_tables
                  RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "${definition}: configured, but the build failed:\n${out}${err}")
  endif()
  file(READ "${header_file}" header LIMIT 2000)
  if(NOT header MATCHES "${expected_sha256}")
    message(FATAL_ERROR "${definition}: the header did not come from the file given")
  endif()
  set(${out_var} "built" PARENT_SCOPE)
endfunction()

if(CASE MATCHES "^relative-(typed|untyped)$")
  file(COPY "${REGISTRY}" DESTINATION "${WORK_DIR}/rel")
  get_filename_component(name "${REGISTRY}" NAME)
  set(type "")
  if(CASE STREQUAL "relative-typed")
    set(type ":FILEPATH")
  endif()
  configure_and_build(result "${WORK_DIR}/build" "-DIANAPORTS_REGISTRY${type}=rel/${name}")
  if(NOT result STREQUAL "built")
    message(FATAL_ERROR "a relative IANAPORTS_REGISTRY was not found from the folder cmake ran in:\n${result}")
  endif()
  # Stored absolute, so that a re-run from the build folder means the same file.
  file(STRINGS "${WORK_DIR}/build/CMakeCache.txt" cached REGEX "^IANAPORTS_REGISTRY:")
  if(NOT cached STREQUAL "IANAPORTS_REGISTRY:FILEPATH=${WORK_DIR}/rel/${name}")
    message(FATAL_ERROR "cached as ${cached}")
  endif()
  execute_process(COMMAND "${CMAKE_COMMAND}" "${WORK_DIR}/build" WORKING_DIRECTORY "${WORK_DIR}/build"
                  RESULT_VARIABLE status OUTPUT_QUIET COMMAND_ERROR_IS_FATAL ANY)
  message(STATUS "rel/${name} given as -DIANAPORTS_REGISTRY${type}: found from the working folder")
elseif(CASE STREQUAL "odd-characters")
  # Every character in one folder's name, configured and built once: a character the build
  # cannot carry is refused in one message naming it, and the rest are tried again without the
  # names holding it, until they build. (One configure a character spent most of the time
  # finding the compiler and Python again.) Each copy ends in a comment of its own, so the
  # header names which copy it read.
  set(refused_characters "")
  set(refused "")
  set(result "")
  foreach(attempt RANGE 1 8)
    set(folder_name "")
    set(built "")
    foreach(odd IN ITEMS "space here" "dollar$sign" "hash#mark" "quote'mark" "double\"quote"
                         "paren(s)" "amper&sand" "per%cent" "equal=sign" "colon:mark" "star*"
                         "question?" "bracket[s]" "brace{s}" "tilde~" "café")
      set(kept TRUE)
      foreach(character IN LISTS refused_characters)
        string(FIND "${odd}" "${character}" at)
        if(NOT at EQUAL -1)
          set(kept FALSE)
        endif()
      endforeach()
      if(kept)
        string(APPEND folder_name "${odd}_")
        list(APPEND built "'${odd}'")
      endif()
    endforeach()
    set(folder "${WORK_DIR}/${folder_name}${attempt}")
    get_filename_component(name "${REGISTRY}" NAME)
    file(READ "${REGISTRY}" registry_text)
    file(WRITE "${folder}/${name}" "${registry_text}<!-- the copy of attempt ${attempt} -->\n")
    file(SHA256 "${folder}/${name}" expected_sha256)
    configure_and_build(result "${WORK_DIR}/build" "-DIANAPORTS_REGISTRY=${folder}/${name}")
    if(result STREQUAL "built")
      break()
    elseif(result MATCHES "ianaports: IANAPORTS_REGISTRY '${WORK_DIR}/.*/${name}': a '(.)' in a path cannot pass")
      list(APPEND refused_characters "${CMAKE_MATCH_1}")
      list(APPEND refused "'${CMAKE_MATCH_1}'")
    else()
      message(FATAL_ERROR "a registry in '${folder_name}' neither built nor was refused in one message:\n${result}")
    endif()
  endforeach()
  if(NOT result STREQUAL "built")
    message(FATAL_ERROR "still refused after dropping ${refused}")
  endif()
  message(STATUS "built from a folder named with ${built}; refused: ${refused}")
elseif(CASE STREQUAL "refused")
  foreach(odd IN ITEMS "semi;colon" "back\\slash")
    set(folder "${WORK_DIR}/${odd}")
    file(MAKE_DIRECTORY "${folder}")
    configure_and_build(result "${WORK_DIR}/build" "-DIANAPORTS_REGISTRY=${folder}/r.xml")
    if(NOT result MATCHES "IANAPORTS_REGISTRY '${WORK_DIR}/[^']*/r.xml': a '(;|\\\\)' in a path cannot pass through")
      message(FATAL_ERROR "a registry path with '${odd}' was not refused at configure time:\n${result}")
    endif()
  endforeach()
  message(STATUS "';' and '\\' in a registry path are refused at configure time")
else()
  message(FATAL_ERROR "unknown CASE ${CASE}")
endif()
