// SPDX-License-Identifier: BSL-1.0
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

// What reads the generated tables is only as shared as the tables are: it lives one inline
// namespace further down, named by the generator after the tables' own bytes
// (IANAPORTS_TABLES_NAMESPACE, in registry_tables.hpp). Two copies built from different inputs
// (another release, local services, a lean build) are then different symbols that a program may
// link side by side, each answering from its own tables; two copies of the same tables are one.
// The vocabulary (types.hpp) stays in v1 alone, shared by every copy. Internals that read the
// tables go in detail's namespace of the same name, so that ianaports::detail stays one
// namespace.
#define IANAPORTS_BEGIN_TABLES_NAMESPACE \
  IANAPORTS_BEGIN_NAMESPACE              \
  inline namespace IANAPORTS_TABLES_NAMESPACE {
#define IANAPORTS_END_TABLES_NAMESPACE \
  }                                    \
  IANAPORTS_END_NAMESPACE
#define IANAPORTS_BEGIN_TABLES_DETAIL \
  IANAPORTS_BEGIN_NAMESPACE           \
  namespace detail {                  \
  inline namespace IANAPORTS_TABLES_NAMESPACE {
#define IANAPORTS_END_TABLES_DETAIL \
  }                                 \
  }                                 \
  IANAPORTS_END_NAMESPACE

// The language version. MSVC leaves __cplusplus at 199711L unless given /Zc:__cplusplus.
#if defined(_MSVC_LANG) && _MSVC_LANG > __cplusplus
#define IANAPORTS_CPLUSPLUS _MSVC_LANG
#else
#define IANAPORTS_CPLUSPLUS __cplusplus
#endif

#if IANAPORTS_CPLUSPLUS < 201703L
#error "ianaports needs C++17 or later"
#endif

// C++20 user-defined literals that fail to compile on an unknown name need consteval.
#if defined(__cpp_consteval) && __cpp_consteval >= 201811L
#define IANAPORTS_HAS_CONSTEVAL 1
#elif defined(__clang__) && __clang_major__ >= 14 && IANAPORTS_CPLUSPLUS >= 202002L
#define IANAPORTS_HAS_CONSTEVAL 1  // clang 14-16 implement consteval without announcing it
#else
#define IANAPORTS_HAS_CONSTEVAL 0
#endif

// --- Compiler builtins ----------------------------------------------------------------------
// Every builtin the library uses sits behind one macro below, each with a standard C++
// fallback, so that a compiler without GNU builtins (MSVC, say) takes code that is tested:
// defining IANAPORTS_NO_BUILTINS takes every fallback, and CI runs the whole suite so.
#if (defined(__GNUC__) || defined(__clang__)) && !defined(IANAPORTS_NO_BUILTINS)
#define IANAPORTS_GNU_BUILTINS 1
#else
#define IANAPORTS_GNU_BUILTINS 0
#include <cstring>  // std::memcpy
#if IANAPORTS_CPLUSPLUS >= 202002L && __has_include(<bit>)
#include <bit>          // std::endian, std::popcount
#include <type_traits>  // std::is_constant_evaluated
#endif
#endif

// IANAPORTS_IS_CONSTANT_EVALUATED(): is this a constant evaluation? The run-time fast paths
// need to know, since constant evaluation can only take the byte loops. Without it
// (IANAPORTS_HAS_IS_CONSTANT_EVALUATED 0: C++17 without builtins) the byte loops serve at run
// time too.
#if IANAPORTS_GNU_BUILTINS
#define IANAPORTS_HAS_IS_CONSTANT_EVALUATED 1
#define IANAPORTS_IS_CONSTANT_EVALUATED() __builtin_is_constant_evaluated()
#elif defined(__cpp_lib_is_constant_evaluated)
#define IANAPORTS_HAS_IS_CONSTANT_EVALUATED 1
#define IANAPORTS_IS_CONSTANT_EVALUATED() std::is_constant_evaluated()
#else
#define IANAPORTS_HAS_IS_CONSTANT_EVALUATED 0
#endif

// IANAPORTS_MEMCPY: a copy of a few bytes, compiled as one load (run time only).
#if IANAPORTS_GNU_BUILTINS
#define IANAPORTS_MEMCPY __builtin_memcpy
#else
#define IANAPORTS_MEMCPY std::memcpy
#endif

// IANAPORTS_LITTLE_ENDIAN: a constant expression, true on a little-endian machine, whose bytes
// are in the tables' order. Where the order cannot be known, false: the byte loops serve.
#if IANAPORTS_GNU_BUILTINS && defined(__BYTE_ORDER__)
#define IANAPORTS_LITTLE_ENDIAN (__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__)
#elif defined(__cpp_lib_endian)
#define IANAPORTS_LITTLE_ENDIAN (std::endian::native == std::endian::little)
#else
#define IANAPORTS_LITTLE_ENDIAN false
#endif

// Run-time fast paths, word loads in place of byte loops, are compiled where run time can be
// told from constant evaluation; they are taken on little-endian machines alone.
#define IANAPORTS_WORD_LOADS IANAPORTS_HAS_IS_CONSTANT_EVALUATED

// IANAPORTS_POPCOUNT64(x): the bits set in a 64-bit word, where that is one instruction.
#if IANAPORTS_GNU_BUILTINS && defined(__POPCNT__)
#define IANAPORTS_POPCOUNT64(x) __builtin_popcountll(x)
#elif !IANAPORTS_GNU_BUILTINS && defined(__cpp_lib_bitops)
#define IANAPORTS_POPCOUNT64(x) std::popcount(x)
#endif

// IANAPORTS_ALWAYS_INLINE: the hash lookup's steps, kept inline in every caller. g++ left
// probe_name out of line (it has several callers), and the call cost a dependent name lookup
// about 20% more time.
#if IANAPORTS_GNU_BUILTINS
#define IANAPORTS_ALWAYS_INLINE [[gnu::always_inline]]
#elif defined(_MSC_VER) && !defined(IANAPORTS_NO_BUILTINS)
#define IANAPORTS_ALWAYS_INLINE __forceinline
#else
#define IANAPORTS_ALWAYS_INLINE
#endif

// IANAPORTS_NOINLINE: a function that returns one row of a generated table (of several rows),
// called, not inlined into the switch that picks the row: clang++ -O2 makes a switch whose cases
// return constants into a table of them, and a table of addresses needs load-time relocations.
#if IANAPORTS_GNU_BUILTINS
#define IANAPORTS_NOINLINE [[gnu::noinline]]
#elif defined(_MSC_VER) && !defined(IANAPORTS_NO_BUILTINS)
#define IANAPORTS_NOINLINE __declspec(noinline)
#else
#define IANAPORTS_NOINLINE
#endif

// IANAPORTS_TABLE_ROW_BEGIN / _END(attributes, name, parameters): a row of a generated table,
// whose string literal the generator writes between the two, made a static member function
// `attributes static constexpr const char* name(parameters)` that returns the row's bytes.
// g++ keeps them in a char array the function returns (IANAPORTS_TABLE_ARRAYS): it hashes a
// literal's every byte each time an optimisation pass or the constant pool meets it, and an
// array's name once. Other compilers return the literal itself: clang++ holds a constexpr array
// as a value a byte, which cost it most of its memory in a TU that asked one lookup.
#ifndef IANAPORTS_TABLE_ARRAYS
#if defined(__GNUC__) && !defined(__clang__)
#define IANAPORTS_TABLE_ARRAYS 1
#else
#define IANAPORTS_TABLE_ARRAYS 0
#endif
#endif
#if IANAPORTS_TABLE_ARRAYS
#define IANAPORTS_TABLE_ROW_BEGIN(attributes, name, parameters) \
  static constexpr char name##_bytes[] =
#define IANAPORTS_TABLE_ROW_END(attributes, name, parameters)         \
  ;                                                                   \
  attributes static constexpr const char* name(parameters) noexcept { \
    return name##_bytes;                                              \
  }
#else
#define IANAPORTS_TABLE_ROW_BEGIN(attributes, name, parameters)       \
  attributes static constexpr const char* name(parameters) noexcept { \
    return
#define IANAPORTS_TABLE_ROW_END(attributes, name, parameters) \
  ;                                                           \
  }
#endif

#endif  // IANAPORTS_DETAIL_CONFIG_HPP
