// SPDX-License-Identifier: BSL-1.0
// ianaports: reading the generated tables. Internal; include ports.hpp.
//
// The readers of the generated tables (detail::registry, in ianaports/detail/registry_tables.hpp,
// written by codegen/generate.py), one a builder of codegen/tables/, everything above them asks;
// this file gathers all but tables/records.hpp, which records.hpp's definitions include.
// The tables are integers packed into string literals (packed_table.hpp) and rows of text, never
// pointers, so a program pays no load-time relocation for them. What each table holds is said
// above it in the generated header; how they fit together, in the builders and here:
//
//   tables/facts.hpp       what the build holds: the release, the protocols and columns kept
//   tables/text.hpp        a pool of distinct strings, addressed by text id
//   tables/rows.hpp        one entry a row, registry order: name, first port, flags
//   tables/records.hpp     the rest of a row's columns, in shared text tuples, and the record
//                          they make (records.hpp's alone)
//   tables/port_order.hpp  the first-port column, never decreasing: a search finds a port's
//                          rows; counts of rows a block; the few rows out of order, apart
//   tables/walks.hpp       a query's sources of rows, stepped in registry order
//   tables/names.hpp       a perfect hash over the case-folded names: a slot per name, its rows,
//                          port_of
//   tables/ports.hpp       per protocol, segments of the port space and the rows covering each
//                          (a fast index; a compact one has none, and asks the port order)
//   tables/port_names.hpp  name_of over TCP and UDP, straight from a bit map
//   tables/people.hpp      the people directory, its own tables and text (people.hpp's alone)
//
// The layout's facts (flag bits, protocol indexes, hash constants, limits) come from the
// generated header too, and the checks below fail the build, naming the drift, if the two
// halves stop agreeing.
#ifndef IANAPORTS_DETAIL_TABLES_HPP
#define IANAPORTS_DETAIL_TABLES_HPP

#include <cstddef>  // std::size_t

#include "ianaports/detail/config.hpp"
#include "ianaports/detail/registry_tables.hpp"
#include "ianaports/detail/tables/facts.hpp"
#include "ianaports/detail/tables/names.hpp"
#include "ianaports/detail/tables/port_names.hpp"
#include "ianaports/detail/tables/port_order.hpp"
#include "ianaports/detail/tables/ports.hpp"
#include "ianaports/detail/tables/rows.hpp"
#include "ianaports/detail/tables/text.hpp"
#include "ianaports/detail/tables/walks.hpp"
#include "ianaports/port_types.hpp"

IANAPORTS_BEGIN_TABLES_DETAIL

// --- the two halves agree ------------------------------------------------------------------------
// The generator and these readers meet only through the generated header: these checks turn a
// drift between them into a compile error that says which half moved.

// The readers are this release's; the identity of the tables (the namespace) names the release
// of the generator that made them, so that two releases' readers never share a symbol.
static_assert(reg::generator_version_major == IANAPORTS_VERSION_MAJOR &&
                  reg::generator_version_minor == IANAPORTS_VERSION_MINOR &&
                  reg::generator_version_patch == IANAPORTS_VERSION_PATCH,
              "ianaports: the generated tables were made by another release's codegen/: "
              "regenerate them with this version's");

static_assert(reg::protocol_count == sizeof(all_protocols) / sizeof(all_protocols[0]) &&
                  reg::protocol_tcp == static_cast<unsigned>(protocol::tcp) &&
                  reg::protocol_udp == static_cast<unsigned>(protocol::udp) &&
                  reg::protocol_sctp == static_cast<unsigned>(protocol::sctp) &&
                  reg::protocol_dccp == static_cast<unsigned>(protocol::dccp),
              "ianaports: the generated tables order the protocols unlike enum class protocol: "
              "regenerate them with this version's codegen/");

constexpr bool name_samples_found() noexcept {
  for (std::size_t i = 0; i < reg::name_sample_count; ++i) {
    if (name_slot_of(reg::name_sample_names[i]) != reg::name_sample_slot[i]) {
      return false;
    }
  }
  return true;
}
static_assert(name_samples_found(),
              "ianaports: detail/name_hash.hpp does not find names where codegen/perfect_hash.py "
              "put them: one side of the name hash changed without the other");

constexpr bool port_samples_found() noexcept {
  for (std::size_t i = 0; i < reg::port_sample_count; ++i) {
    if (segment_of(reg::port_sample_port[i], reg::port_sample_protocol[i]) !=
        reg::port_sample_segment[i]) {
      return false;
    }
  }
  return true;
}
static_assert(port_samples_found(),
              "ianaports: detail/tables.hpp does not find ports in the segments "
              "codegen/tables/ports.py put them in: one side of the port index changed without "
              "the other");

IANAPORTS_END_TABLES_DETAIL

#endif  // IANAPORTS_DETAIL_TABLES_HPP
