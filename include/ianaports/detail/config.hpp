// ianaports: version, namespace and language-support macros. Internal; include ports.hpp.
#ifndef IANAPORTS_DETAIL_CONFIG_HPP
#define IANAPORTS_DETAIL_CONFIG_HPP

// The one version source: CMakeLists.txt reads these three lines.
#define IANAPORTS_VERSION_MAJOR 1
#define IANAPORTS_VERSION_MINOR 0
#define IANAPORTS_VERSION_PATCH 0
#define IANAPORTS_VERSION \
  (IANAPORTS_VERSION_MAJOR * 10000 + IANAPORTS_VERSION_MINOR * 100 + IANAPORTS_VERSION_PATCH)

// Everything lives in a versioned inline namespace, so two incompatible copies of ianaports in
// one program are distinct types and symbols instead of a silent ODR violation.
#define IANAPORTS_BEGIN_NAMESPACE \
  namespace ianaports {           \
  inline namespace v1 {
#define IANAPORTS_END_NAMESPACE \
  }                             \
  }

#if __cplusplus < 201703L && !(defined(_MSVC_LANG) && _MSVC_LANG >= 201703L)
#error "ianaports needs C++17 or later"
#endif

// C++20 user-defined literals that fail to compile on an unknown name need consteval.
#if defined(__cpp_consteval) && __cpp_consteval >= 201811L
#define IANAPORTS_HAS_CONSTEVAL 1
#elif defined(__clang__) && __clang_major__ >= 14 && __cplusplus >= 202002L
#define IANAPORTS_HAS_CONSTEVAL 1  // clang 14-16 implement consteval without announcing it
#else
#define IANAPORTS_HAS_CONSTEVAL 0
#endif

// Run-time fast paths: word loads instead of byte loops. They need a way to tell a constant
// evaluation (which must take the byte loops) from run time, and a little-endian machine, as
// the tables hold little-endian bytes. Elsewhere the byte loops serve at run time too.
#if defined(__GNUC__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define IANAPORTS_WORD_LOADS 1
#else
#define IANAPORTS_WORD_LOADS 0
#endif

// The hash lookup's steps, kept inline in every caller: g++ left probe_name out of line (it has
// several callers), and the call cost a dependent name lookup about 20% more time.
#if defined(__GNUC__)
#define IANAPORTS_ALWAYS_INLINE [[gnu::always_inline]]
#else
#define IANAPORTS_ALWAYS_INLINE
#endif

#endif  // IANAPORTS_DETAIL_CONFIG_HPP
