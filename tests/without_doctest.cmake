# SPDX-License-Identifier: BSL-1.0
# The project configured as on a machine without doctest (CMAKE_DISABLE_FIND_PACKAGE_doctest).
#   cmake -DSOURCE_DIR=... -DBUILD_DIR=... -DGENERATOR=... -DCXX=... -DMODE=message -P without_doctest.cmake
#     configuring with the tests fails, in one message that says what to do;
#   ... -DMODE=build -P without_doctest.cmake
#     with -DIANAPORTS_BUILD_TESTS=OFF, the library, the examples and portinfo build and run.
file(REMOVE_RECURSE "${BUILD_DIR}")
set(configure "${CMAKE_COMMAND}" -S "${SOURCE_DIR}" -B "${BUILD_DIR}" -G "${GENERATOR}"
    "-DCMAKE_CXX_COMPILER=${CXX}" -DCMAKE_DISABLE_FIND_PACKAGE_doctest=ON)
if(MODE STREQUAL "message")
  execute_process(COMMAND ${configure} RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err)
  string(REGEX REPLACE "[ \n]+" " " said "${err}")  # CMake wraps long messages
  if(status EQUAL 0)
    message(FATAL_ERROR "configuring without doctest succeeded; it must stop and say why")
  endif()
  foreach(needed "the tests need doctest, which is not installed" "apt-get install doctest-dev"
                 "-DIANAPORTS_BUILD_TESTS=OFF")
    string(FIND "${said}" "${needed}" at)
    if(at EQUAL -1)
      message(FATAL_ERROR "the message lacks \"${needed}\":\n${err}")
    endif()
  endforeach()
  string(REGEX MATCHALL "CMake Error" errors "${err}")
  list(LENGTH errors error_count)
  if(NOT error_count EQUAL 1)
    message(FATAL_ERROR "expected one message, got ${error_count}:\n${err}")
  endif()
  message(STATUS "configure stopped with:\n${err}")
elseif(MODE STREQUAL "build")
  execute_process(COMMAND ${configure} -DIANAPORTS_BUILD_TESTS=OFF COMMAND_ERROR_IS_FATAL ANY)
  execute_process(COMMAND "${CMAKE_COMMAND}" --build "${BUILD_DIR}" --parallel 2 COMMAND_ERROR_IS_FATAL ANY)
  execute_process(COMMAND "${BUILD_DIR}/tools/portinfo/portinfo" 443/tcp OUTPUT_VARIABLE out
                  COMMAND_ERROR_IS_FATAL ANY)
  execute_process(COMMAND "${BUILD_DIR}/examples/lookup" 22/tcp OUTPUT_VARIABLE looked_up
                  COMMAND_ERROR_IS_FATAL ANY)
  if(NOT out MATCHES "https +443 +tcp" OR NOT looked_up MATCHES "22/tcp → ssh")
    message(FATAL_ERROR "portinfo 443/tcp printed:\n${out}\nlookup 22/tcp printed:\n${looked_up}")
  endif()
else()
  message(FATAL_ERROR "MODE must be message or build")
endif()
