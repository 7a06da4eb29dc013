// SPDX-License-Identifier: BSL-1.0
// portinfo: the command line's arguments as UTF-8, on every system.
//
// The registry's text is UTF-8, as arguments are on Unix-like systems. Windows hands main() its
// arguments in the ANSI code page ("FORTÉ" with one byte for the É, not UTF-8's two), so there
// they are read again as UTF-16 and converted; a query for a non-ASCII text then finds it.
#ifndef PORTINFO_ARGUMENTS_HPP
#define PORTINFO_ARGUMENTS_HPP

#include <string>  // std::string
#include <vector>  // std::vector

#include "windows.hpp"  // GetCommandLineW, CommandLineToArgvW, WideCharToMultiByte

namespace portinfo {

// argc and argv as main() would have them in UTF-8; they live as long as this object.
class utf8_arguments {
 public:
  utf8_arguments(int argc, char** argv) {
#if defined(_WIN32)
    int count = 0;
    if (wchar_t** wide = CommandLineToArgvW(GetCommandLineW(), &count)) {
      for (int i = 0; i < count; ++i) {
        text_.push_back(to_utf8(wide[i]));
      }
      LocalFree(wide);
    }
#endif
    if (text_.empty()) {
      text_.assign(argv, argv + argc);
    }
    for (std::string& argument : text_) {
      pointers_.push_back(argument.data());
    }
    pointers_.push_back(nullptr);  // argv[argc] is NULL
  }

  [[nodiscard]] int count() const {
    return static_cast<int>(text_.size());
  }
  [[nodiscard]] char** values() {
    return pointers_.data();
  }

 private:
#if defined(_WIN32)
  static std::string to_utf8(const wchar_t* wide) {
    const int size = WideCharToMultiByte(CP_UTF8, 0, wide, -1, nullptr, 0, nullptr, nullptr);
    std::string text(size > 0 ? static_cast<std::size_t>(size) : 1U, '\0');
    WideCharToMultiByte(CP_UTF8, 0, wide, -1, text.data(), size, nullptr, nullptr);
    text.pop_back();  // the converted NUL
    return text;
  }
#endif

  std::vector<std::string> text_;
  std::vector<char*> pointers_;
};

}  // namespace portinfo

#endif  // PORTINFO_ARGUMENTS_HPP
