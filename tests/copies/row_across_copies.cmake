# SPDX-License-Identifier: BSL-1.0
# A row handle given from one copy of ianaports to another: row_giver.cpp built with the
# single header, row_taker.cpp with include/ and TABLES (another copy's tables, or the same
# inputs'), linked into one program. EXPECT: links (the same copy) or fails (another copy: the
# linker names the function, whose row is another type).
#   cmake -DCXX=... -DFLAGS=... -DSOURCE_DIR=... -DTABLES=... -DWORK_DIR=... -DEXPECT=links|fails -P row_across_copies.cmake
cmake_minimum_required(VERSION 3.20)
separate_arguments(flags UNIX_COMMAND "${FLAGS}")
file(MAKE_DIRECTORY "${WORK_DIR}")
set(copies "${SOURCE_DIR}/tests/copies")
execute_process(COMMAND "${CXX}" ${flags} -std=c++17 -c "-I${SOURCE_DIR}/single_include" "${copies}/row_giver.cpp"
                        -o "${WORK_DIR}/giver.o" COMMAND_ERROR_IS_FATAL ANY)
execute_process(COMMAND "${CXX}" ${flags} -std=c++17 -c "-I${SOURCE_DIR}/include" "-I${TABLES}" "${copies}/row_taker.cpp"
                        -o "${WORK_DIR}/taker.o" COMMAND_ERROR_IS_FATAL ANY)
execute_process(COMMAND "${CXX}" ${flags} "${WORK_DIR}/giver.o" "${WORK_DIR}/taker.o" -o "${WORK_DIR}/program"
                RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE out)
if(EXPECT STREQUAL "links" AND NOT status EQUAL 0)
  message(FATAL_ERROR "the same copy's row did not link:\n${out}")
elseif(EXPECT STREQUAL "fails")
  if(status EQUAL 0)
    message(FATAL_ERROR "a row of one copy was given to another, and it linked")
  elseif(NOT out MATCHES "row_index_of")
    message(FATAL_ERROR "the link failed, but not for the row:\n${out}")
  endif()
endif()
message(STATUS "row handle across copies: ${EXPECT}, as expected")
