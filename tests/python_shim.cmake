# SPDX-License-Identifier: BSL-1.0
# A python3 on PATH that is a version manager's shim (pyenv's, asdf's: a script that picks an
# interpreter on every call) is asked once, at configure time, which interpreter it runs, and the
# build uses that interpreter (cmake/IanaportsPython.cmake); a Python3_EXECUTABLE given is used as
# given. Here the shim is a shell script that counts its calls and runs the real interpreter.
#   cmake -DSOURCE_DIR=... -DWORK_DIR=... -DGENERATOR=... -DPYTHON=<the real interpreter> -P python_shim.cmake
cmake_minimum_required(VERSION 3.20)
file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}/bin")
set(shim "${WORK_DIR}/bin/python3")
set(calls "${WORK_DIR}/shim-calls")
file(WRITE "${shim}" "#!/bin/sh\necho called >> '${calls}'\nexec '${PYTHON}' \"$@\"\n")
file(CHMOD "${shim}" PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE)
execute_process(COMMAND "${PYTHON}" -c "import sys; print(sys.executable)"
                OUTPUT_VARIABLE interpreter OUTPUT_STRIP_TRAILING_WHITESPACE COMMAND_ERROR_IS_FATAL ANY)

# Configures ianaports alone in <dir> with the shim first on PATH and the -D given, builds its
# tables, and sets <cached> to the Python3_EXECUTABLE its cache holds and <count> to the shim's
# calls from configure and build.
function(configure_with_shim cached count dir)
  file(REMOVE "${calls}")
  set(path "${WORK_DIR}/bin:$ENV{PATH}")
  execute_process(COMMAND "${CMAKE_COMMAND}" -E env "PATH=${path}"
                          "${CMAKE_COMMAND}" -S "${SOURCE_DIR}" -B "${dir}" -G "${GENERATOR}"
                          -DIANAPORTS_BUILD_TESTS=OFF -DIANAPORTS_BUILD_EXAMPLES=OFF
                          -DIANAPORTS_BUILD_TOOLS=OFF -DIANAPORTS_BUILD_C=OFF -DIANAPORTS_INSTALL=OFF ${ARGN}
                  RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "configuring with a python3 shim on PATH failed:\n${out}${err}")
  endif()
  execute_process(COMMAND "${CMAKE_COMMAND}" -E env "PATH=${path}"
                          "${CMAKE_COMMAND}" --build "${dir}" --target ianaports_tables
                  RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "building the tables with a python3 shim on PATH failed:\n${out}${err}")
  endif()
  file(STRINGS "${dir}/CMakeCache.txt" line REGEX "^Python3_EXECUTABLE:")
  string(REGEX REPLACE "^[^=]*=" "" line "${line}")
  set(${cached} "${line}" PARENT_SCOPE)
  set(lines "")
  if(EXISTS "${calls}")
    file(STRINGS "${calls}" lines)
  endif()
  list(LENGTH lines n)
  set(${count} ${n} PARENT_SCOPE)
endfunction()

# Found on PATH: the shim runs once (it says which interpreter it is), then never again.
configure_with_shim(cached count "${WORK_DIR}/found")
if(NOT cached STREQUAL interpreter OR NOT count EQUAL 1)
  message(FATAL_ERROR "with a shim on PATH, Python3_EXECUTABLE is '${cached}' (want '${interpreter}')"
                      " and the shim ran ${count} times (want 1, at configure time)")
endif()
# Given: used as given, the shim included.
configure_with_shim(cached count "${WORK_DIR}/given" "-DPython3_EXECUTABLE=${shim}")
if(NOT cached STREQUAL shim OR count EQUAL 0)
  message(FATAL_ERROR "with -DPython3_EXECUTABLE=<the shim>, the cache holds '${cached}' and the"
                      " shim ran ${count} times: a given interpreter must be used as given")
endif()
message(STATUS "python3 shim: asked once, then ${interpreter}; given, used as given (${count} calls)")
