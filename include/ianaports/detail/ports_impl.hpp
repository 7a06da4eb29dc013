// SPDX-License-Identifier: BSL-1.0
// ianaports: definitions of the functions declared in ports.hpp. Internal; include ports.hpp.
#ifndef IANAPORTS_DETAIL_PORTS_IMPL_HPP
#define IANAPORTS_DETAIL_PORTS_IMPL_HPP

#include "ianaports/detail/tables.hpp"

IANAPORTS_BEGIN_NAMESPACE

namespace detail {

// Any value of the enumeration, even one cast from an out-of-range integer, maps to a table
// index or to protocol_count ("no such protocol"), never past a table.
constexpr unsigned protocol_index(protocol p) noexcept {
  const auto index = static_cast<unsigned>(p);
  return index < protocol_count ? index : protocol_count;
}

// The optional columns. (Built by initialisation: std::optional's assignment is constexpr
// only from C++20 on.)
constexpr std::optional<port_range> row_ports(std::size_t row) noexcept {
  if (!row_has_ports(row)) {
    return std::nullopt;
  }
  return port_range{row_first_port(row), row_last_port(row)};
}

constexpr std::optional<protocol> row_transport(std::size_t row) noexcept {
  if (row_protocol(row) == flag_no_protocol) {
    return std::nullopt;
  }
  return static_cast<protocol>(row_protocol(row));
}

constexpr record make_record(std::size_t row) noexcept {
  const std::size_t d = row_detail(row);
  const std::size_t e = detail_extra(d);
  return record{row_service(row),
                row_ports(row),
                row_transport(row),
                text(reg::detail_description[d]),
                text(reg::detail_assignee[d]),
                text(reg::detail_contact[d]),
                text(reg::detail_registered[d]),
                text(reg::extra_modified[e]),
                text(reg::extra_reference[e]),
                row_service_code(row),
                text(reg::extra_unauthorized_use[e]),
                text(reg::extra_notes[e]),
                row_one_port_as_range(row)};
}

constexpr char ascii_lower(char c) noexcept {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

#if IANAPORTS_HAS_CONSTEVAL
// Deliberately never defined and not constexpr: a literal that reaches it is a compile error
// whose message names it.
void unknown_service_name_in_port_literal() noexcept;

consteval std::uint16_t literal_port(std::string_view name, protocol p) {
  const std::optional<std::uint16_t> port = port_of(name, p);
  if (!port) {
    unknown_service_name_in_port_literal();
  }
  return *port;
}
#endif

}  // namespace detail

// --- record_range ----------------------------------------------------------------------------

constexpr record record_range::iterator::operator*() const noexcept {
  return detail::make_record(detail::row_at(span_, position_));
}

constexpr record_range::iterator& record_range::iterator::operator++() noexcept {
  ++position_;
  while (position_ < span_.last && !detail::keeps(filter_, detail::row_at(span_, position_))) {
    ++position_;
  }
  return *this;
}

constexpr std::size_t record_range::size() const noexcept {
  if (filter_.test == detail::row_test::every_row) {
    return span_.last - span_.first;
  }
  std::size_t count = 0;
  for (std::uint32_t position = span_.first; position < span_.last; ++position) {
    count += detail::keeps(filter_, detail::row_at(span_, position)) ? 1U : 0U;
  }
  return count;
}

// --- queries ---------------------------------------------------------------------------------

constexpr record_range records() noexcept {
  return record_range(detail::row_span{false, 0, detail::reg::record_count});
}

constexpr record_range by_name(std::string_view service) noexcept {
  return record_range(detail::rows_named(service));
}

constexpr record_range by_port(std::uint16_t port, protocol p) noexcept {
  const unsigned index = detail::protocol_index(p);
  if (index == detail::protocol_count) {
    return {};
  }
  return record_range(detail::rows_covering(port, index));
}

constexpr record_range by_range(port_range ports, protocol p) noexcept {
  const unsigned index = detail::protocol_index(p);
  if (index == detail::protocol_count || ports.first > ports.last) {
    return {};
  }
  const detail::row_filter filter{detail::row_test::overlapping, static_cast<std::uint8_t>(index),
                                  ports.first, ports.last};
  return record_range(detail::rows_kept(filter), filter);
}

constexpr record_range by_protocol(protocol p) noexcept {
  const unsigned index = detail::protocol_index(p);
  if (index == detail::protocol_count) {
    return {};
  }
  const detail::row_filter filter{detail::row_test::naming, static_cast<std::uint8_t>(index)};
  return record_range(detail::rows_kept(filter), filter);
}

constexpr std::optional<std::uint16_t> port_of(std::string_view service, protocol p) noexcept {
  const unsigned index = detail::protocol_index(p);
  if (index == detail::protocol_count) {
    return std::nullopt;
  }
  if (index < detail::reg::name_port_protocols) {
    return detail::listed_name_port(detail::probe_name(service), index);
  }
  // No answer listed (sctp, dccp): the name's rows say.
  const std::uint32_t slot = detail::name_slot_of(service);
  if (slot == detail::reg::name_slot_count) {
    return std::nullopt;
  }
  const detail::row_span rows{true, detail::reg::name_rows_begin[slot],
                              detail::reg::name_rows_begin[slot + 1]};
  for (std::uint32_t position = rows.first; position < rows.last; ++position) {
    const std::size_t row = detail::row_at(rows, position);
    if (detail::row_has_ports(row) && detail::row_holds_for(row, index)) {
      return detail::row_first_port(row);
    }
  }
  return std::nullopt;
}

constexpr std::string_view name_of(std::uint16_t port, protocol p) noexcept {
  const unsigned index = detail::protocol_index(p);
  if (index == detail::protocol_count) {
    return {};
  }
  if (index < detail::reg::name_port_protocols) {
    return detail::listed_port_name(port, index);
  }
  const detail::row_span rows = detail::rows_covering(port, index);
  for (std::uint32_t position = rows.first; position < rows.last; ++position) {
    const std::string_view name = detail::row_service(detail::row_at(rows, position));
    if (!name.empty()) {
      return name;
    }
  }
  return {};
}

constexpr port_status status(std::uint16_t port, protocol p) noexcept {
  const unsigned index = detail::protocol_index(p);
  bool reserved = false;
  if (index != detail::protocol_count) {
    const detail::row_span rows = detail::rows_covering(port, index);
    for (std::uint32_t position = rows.first; position < rows.last; ++position) {
      const std::size_t row = detail::row_at(rows, position);
      if (!detail::row_service(row).empty()) {
        return port_status::assigned;
      }
      reserved = reserved || detail::row_reserved(row);
    }
  }
  if (reserved) {
    return port_status::reserved;
  }
  return classify(port) == port_class::dynamic ? port_status::dynamic : port_status::unassigned;
}

constexpr port_class classify(std::uint16_t port) noexcept {
  if (port < 1024) {
    return port_class::system;
  }
  return port < 49152 ? port_class::user : port_class::dynamic;
}

constexpr bool is_valid_service_name(std::string_view name) noexcept {
  if (name.empty() || name.size() > 15 || name.front() == '-' || name.back() == '-') {
    return false;
  }
  bool letter = false;
  for (std::size_t i = 0; i < name.size(); ++i) {
    const char c = detail::ascii_lower(name[i]);
    if (c >= 'a' && c <= 'z') {
      letter = true;
    } else if (c == '-') {
      if (name[i - 1] == '-') {  // i > 0: name.front() is not '-'
        return false;
      }
    } else if (c < '0' || c > '9') {
      return false;
    }
  }
  return letter;
}

constexpr std::string_view to_string(protocol p) noexcept {
  switch (p) {
    case protocol::tcp: return "tcp";
    case protocol::udp: return "udp";
    case protocol::sctp: return "sctp";
    case protocol::dccp: return "dccp";
  }
  return {};
}

constexpr std::string_view to_string(port_status s) noexcept {
  switch (s) {
    case port_status::assigned: return "assigned";
    case port_status::reserved: return "reserved";
    case port_status::unassigned: return "unassigned";
    case port_status::dynamic: return "dynamic";
  }
  return {};
}

constexpr std::string_view to_string(port_class c) noexcept {
  switch (c) {
    case port_class::system: return "system";
    case port_class::user: return "user";
    case port_class::dynamic: return "dynamic";
  }
  return {};
}

constexpr std::optional<protocol> parse_protocol(std::string_view name) noexcept {
  for (const protocol p : {protocol::tcp, protocol::udp, protocol::sctp, protocol::dccp}) {
    const std::string_view known = to_string(p);
    bool same = name.size() == known.size();
    for (std::size_t i = 0; same && i < name.size(); ++i) {
      same = detail::ascii_lower(name[i]) == known[i];
    }
    if (same) {
      return p;
    }
  }
  return std::nullopt;
}

#if IANAPORTS_HAS_CONSTEVAL
namespace literals {
consteval std::uint16_t operator""_tcp(const char* name, std::size_t size) {
  return detail::literal_port({name, size}, protocol::tcp);
}
consteval std::uint16_t operator""_udp(const char* name, std::size_t size) {
  return detail::literal_port({name, size}, protocol::udp);
}
consteval std::uint16_t operator""_sctp(const char* name, std::size_t size) {
  return detail::literal_port({name, size}, protocol::sctp);
}
consteval std::uint16_t operator""_dccp(const char* name, std::size_t size) {
  return detail::literal_port({name, size}, protocol::dccp);
}
}  // namespace literals
#endif

IANAPORTS_END_NAMESPACE

#endif  // IANAPORTS_DETAIL_PORTS_IMPL_HPP
