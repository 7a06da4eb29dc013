# SPDX-License-Identifier: BSL-1.0
# ianaports_find_python([REQUIRED]): find the Python 3 interpreter the generator, the tools and
# the tests run with (Python3::Interpreter, Python3_EXECUTABLE), as find_package(Python3) does,
# with one difference: a version manager's shim on PATH is asked once, here, which interpreter
# it stands for, and the build uses that interpreter.
#
# pyenv's `python3` (and asdf's) is a shell script that works out which interpreter to run on
# every call, a third of a second each time; the build and the tests start Python hundreds of
# times, and FindPython itself a dozen times a configure. The interpreter is fixed at configure
# time, as any found tool is: after switching versions, configure again, or set
# Python3_EXECUTABLE, which is used as given.
macro(ianaports_find_python)
  if(NOT DEFINED Python3_EXECUTABLE AND NOT DEFINED CACHE{Python3_EXECUTABLE})
    find_program(_ianaports_python_on_path NAMES python3)
    if(_ianaports_python_on_path)
      execute_process(COMMAND "${_ianaports_python_on_path}" -c "import sys; print(sys.executable)"
        OUTPUT_VARIABLE _ianaports_python_itself OUTPUT_STRIP_TRAILING_WHITESPACE
        RESULT_VARIABLE _ianaports_python_result ERROR_QUIET)
      if(_ianaports_python_result EQUAL 0 AND IS_ABSOLUTE "${_ianaports_python_itself}"
         AND EXISTS "${_ianaports_python_itself}")
        set(Python3_EXECUTABLE "${_ianaports_python_itself}" CACHE FILEPATH
            "The Python 3 interpreter (the one a python3 on PATH ran when first configured)")
      endif()
    endif()
    unset(_ianaports_python_on_path CACHE)  # a find_program of our own (NO_CACHE is CMake 3.21's)
    unset(_ianaports_python_itself)
    unset(_ianaports_python_result)
  endif()
  find_package(Python3 ${ARGN} COMPONENTS Interpreter)
endmacro()
