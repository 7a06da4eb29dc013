# SPDX-License-Identifier: BSL-1.0
# A document `portinfo --generate KIND` prints (its man page, a shell's completion script) and the
# copy the source holds of it, checked or written again:
#
#   cmake -DPORTINFO=<portinfo> -DKIND=<man|bash|zsh|fish> -DFILE=<the copy> -DMODE=<check|write>
#         -DBUILD_DIR=<the build> -P generated_docs.cmake
#
# check (the test "portinfo docs: --generate KIND"): fails unless the copy is, byte for byte, what
# portinfo prints, and says how to write it again. write (the target portinfo-docs): writes the
# copy, and leaves it untouched when it already is. What portinfo prints goes first to a file of
# the working directory, so that a portinfo that fails leaves the copy whole.
foreach(variable IN ITEMS PORTINFO KIND FILE MODE BUILD_DIR)
  if(NOT DEFINED ${variable})
    message(FATAL_ERROR "generated_docs.cmake: -D${variable}=... is missing")
  endif()
endforeach()

set(printed "${CMAKE_CURRENT_BINARY_DIR}/portinfo-generate-${KIND}")
execute_process(COMMAND "${PORTINFO}" --generate "${KIND}" OUTPUT_FILE "${printed}"
                ERROR_VARIABLE errors RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "`portinfo --generate ${KIND}` failed (${status}):\n${errors}")
endif()

if(MODE STREQUAL "write")
  execute_process(COMMAND "${CMAKE_COMMAND}" -E copy_if_different "${printed}" "${FILE}"
                  COMMAND_ERROR_IS_FATAL ANY)
elseif(MODE STREQUAL "check")
  execute_process(COMMAND "${CMAKE_COMMAND}" -E compare_files "${FILE}" "${printed}"
                  RESULT_VARIABLE differs OUTPUT_QUIET ERROR_QUIET)
  if(differs)
    find_program(diff_program diff)
    if(diff_program)
      execute_process(COMMAND "${diff_program}" -u "${FILE}" "${printed}")
    endif()
    message(FATAL_ERROR
      "${FILE} is not what `portinfo --generate ${KIND}` prints: it was not written again "
      "after options[] (tools/portinfo/command_line.hpp), manual.hpp or generate.hpp changed. "
      "Write it again with\n  cmake --build \"${BUILD_DIR}\" --target portinfo-docs\n"
      "and commit it.")
  endif()
else()
  message(FATAL_ERROR "generated_docs.cmake: MODE is check or write, not \"${MODE}\"")
endif()
