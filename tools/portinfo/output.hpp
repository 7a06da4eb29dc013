// SPDX-License-Identifier: BSL-1.0
// portinfo: writing results to stdout, and the width of the terminal they go to.
//
// A reader that stops early (`portinfo --all | head -1`) ends the program quietly, as it ends
// cat or grep; any other failure to write (a full disk) is reported and exits with status 3.
#ifndef PORTINFO_OUTPUT_HPP
#define PORTINFO_OUTPUT_HPP

#include <cerrno>       // errno, EPIPE
#include <charconv>     // std::from_chars
#include <csignal>      // std::signal, SIGPIPE
#include <cstddef>      // std::size_t
#include <cstdio>       // std::fwrite, std::fflush, stdout
#include <cstdlib>      // std::exit, std::getenv
#include <cstring>      // std::strerror, std::strlen
#include <string_view>  // std::string_view

#if defined(_WIN32)
#include <fcntl.h>  // _O_BINARY
#include <io.h>     // _setmode, _fileno, _isatty
#endif
#include "windows.hpp"  // SetConsoleOutputCP, GetLastError
#if __has_include(<sys/ioctl.h>) && __has_include(<unistd.h>)
#include <sys/ioctl.h>  // ioctl, TIOCGWINSZ, winsize
#include <unistd.h>     // isatty, STDOUT_FILENO
#define PORTINFO_HAS_TERMINAL_SIZE 1
#else
#define PORTINFO_HAS_TERMINAL_SIZE 0
#endif

namespace portinfo {

// Exit statuses 0 (found), 1 (nothing found) and 2 (usage error) are grep's; output that cannot
// be written is none of them.
inline constexpr int exit_output_error = 3;

// The same bytes on every system: line ends stay "\n" on Windows too, where a text-mode stream
// would write "\r\n", so that a CSV, JSON or services file is the one written elsewhere; and a
// Windows console shows the UTF-8 as UTF-8.
inline void write_bytes_unchanged() {
#if defined(_WIN32)
  _setmode(_fileno(stdout), _O_BINARY);
  _setmode(_fileno(stderr), _O_BINARY);
  SetConsoleOutputCP(CP_UTF8);
#endif
}

// A parent may start us with SIGPIPE ignored (so a closed pipe would only fail the write):
// restore the default, which ends the program silently on the first write to a closed pipe.
inline void end_quietly_on_closed_pipe() {
#ifdef SIGPIPE
  std::signal(SIGPIPE, SIG_DFL);
#endif
}

// Did the last write fail because the reader left? EPIPE says so where SIGPIPE is blocked;
// Windows has no SIGPIPE, and says so in its own error code (its C library's errno, EINVAL,
// does not).
inline bool reader_left(int error) {
#if defined(_WIN32)
  const DWORD last = GetLastError();
  // ERROR_NO_DATA on Windows, ERROR_PIPE_NOT_CONNECTED under Wine.
  if (last == ERROR_NO_DATA || last == ERROR_BROKEN_PIPE || last == ERROR_PIPE_NOT_CONNECTED) {
    return true;
  }
#endif
  return error == EPIPE;
}

[[noreturn]] inline void output_failed() {
  const int error = errno;
  if (!reader_left(error)) {  // a reader that left needs no message
    std::fprintf(stderr, "portinfo: cannot write the output: %s\n", std::strerror(error));
  }
  std::exit(exit_output_error);
}

// Writes to stdout (buffered by stdio); a failed write ends the program.
inline void put(std::string_view text) {
  if (std::fwrite(text.data(), 1, text.size(), stdout) != text.size()) {
    output_failed();
  }
}

// Called last: the buffered tail is written too, or the failure reported.
inline void finish_output() {
  if (std::fflush(stdout) != 0 || std::ferror(stdout) != 0) {
    output_failed();
  }
}

// Is stdout a terminal, which a person reads (and which obeys controls)?
inline bool writes_to_terminal() {
#if defined(_WIN32)
  return _isatty(_fileno(stdout)) != 0;
#elif PORTINFO_HAS_TERMINAL_SIZE
  return isatty(STDOUT_FILENO) != 0;
#else
  return false;
#endif
}

// Columns for a table: the terminal's width when stdout is one, else $COLUMNS, else 100.
inline std::size_t output_width() {
#if PORTINFO_HAS_TERMINAL_SIZE
  winsize size{};
  if (isatty(STDOUT_FILENO) != 0 && ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 &&
      size.ws_col > 0) {
    return size.ws_col;
  }
#endif
  if (const char* variable = std::getenv("COLUMNS")) {
    const std::string_view text(variable, std::strlen(variable));
    std::size_t width = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), width);
    if (error == std::errc{} && end == text.data() + text.size() && width > 0) {
      return width;
    }
  }
  return 100;
}

}  // namespace portinfo

#endif  // PORTINFO_OUTPUT_HPP
