// SPDX-License-Identifier: BSL-1.0
// portinfo: <windows.h> on Windows, without the min and max macros and the rarely used parts.
#ifndef PORTINFO_WINDOWS_HPP
#define PORTINFO_WINDOWS_HPP

#if defined(_WIN32)
#ifndef NOMINMAX
#define NOMINMAX
#endif
#ifndef WIN32_LEAN_AND_MEAN
#define WIN32_LEAN_AND_MEAN
#endif
#include <windows.h>  // GetCommandLineW, WideCharToMultiByte, SetConsoleOutputCP...
// shellapi.h needs windows.h first: a block of its own, which include sorting leaves alone.
#include <shellapi.h>  // CommandLineToArgvW
#endif

#endif  // PORTINFO_WINDOWS_HPP
