# SPDX-License-Identifier: BSL-1.0
# ianaports_resolve_registry(<variable>)
#
# Makes the registry path in <variable> (IANAPORTS_REGISTRY) absolute, as the one who gave it
# means it, and refuses at configure time, in one message that names it, a path the build
# could not carry through to the generator (';', a line break, '\' but on Windows, and ':'
# but in a drive letter with Make; Ninja and Make carry every other character tested:
# tests/registry_paths.cmake). A relative path is taken from:
#   - the folder cmake runs in, for a cache entry (-DIANAPORTS_REGISTRY=... on the command
#     line), as CMake itself resolves an untyped -D of a FILEPATH entry; it is stored back
#     absolute, so that a later re-run (from the build folder) means the same file;
#   - the parent project's source folder, for a normal variable (its set() before
#     add_subdirectory or FetchContent_MakeAvailable).
function(ianaports_resolve_registry variable)
  set(path "${${variable}}")
  if(path MATCHES ";")
    message(FATAL_ERROR "ianaports: ${variable} '${path}': a ';' in a path cannot pass through"
                        " CMake, which reads it as a list separator; rename or move the file")
  endif()
  if(path MATCHES "[\n\r]")
    message(FATAL_ERROR "ianaports: ${variable} '${path}': a line break in a path cannot pass"
                        " through the build tools; rename or move the file")
  endif()
  if(NOT CMAKE_HOST_WIN32 AND path MATCHES "\\\\")
    message(FATAL_ERROR "ianaports: ${variable} '${path}': a '\\' in a path cannot pass through"
                        " CMake, which reads it as a folder separator; rename or move the file")
  endif()
  string(REGEX REPLACE "^[A-Za-z]:" "" without_drive "${path}")
  if(CMAKE_GENERATOR MATCHES "Makefiles" AND without_drive MATCHES ":")
    message(FATAL_ERROR "ianaports: ${variable} '${path}': a ':' in a path cannot pass through"
                        " Make, which reads it as a rule's separator; rename or move the file, or"
                        " configure with -G Ninja")
  endif()
  if(IS_ABSOLUTE "${path}")
    return()
  endif()
  if(DEFINED CACHE{${variable}} AND "$CACHE{${variable}}" STREQUAL "${path}")
    # The command line's: from cmake's working folder, which a script run (-P) reports as its
    # source folder.
    set(script "${CMAKE_CURRENT_BINARY_DIR}/CMakeFiles/ianaports_working_folder.cmake")
    file(WRITE "${script}" "message(\"\${CMAKE_CURRENT_SOURCE_DIR}\")\n")
    execute_process(COMMAND "${CMAKE_COMMAND}" -P "${script}" ERROR_VARIABLE working_folder
                    ERROR_STRIP_TRAILING_WHITESPACE COMMAND_ERROR_IS_FATAL ANY)
    get_filename_component(path "${path}" ABSOLUTE BASE_DIR "${working_folder}")
    get_property(help CACHE ${variable} PROPERTY HELPSTRING)
    set(${variable} "${path}" CACHE FILEPATH "${help}" FORCE)
  else()
    get_directory_property(parent_folder DIRECTORY "${CMAKE_CURRENT_SOURCE_DIR}" PARENT_DIRECTORY)
    if(NOT parent_folder)
      set(parent_folder "${CMAKE_CURRENT_SOURCE_DIR}")
    endif()
    get_filename_component(path "${path}" ABSOLUTE BASE_DIR "${parent_folder}")
  endif()
  if(NOT EXISTS "${path}")
    message(FATAL_ERROR "ianaports: ${variable}: registry file not found: ${path}")
  endif()
  set(${variable} "${path}" PARENT_SCOPE)
endfunction()
