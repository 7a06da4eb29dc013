// SPDX-License-Identifier: BSL-1.0
// lookup: answer "what runs on this port?" and "which port is this service on?".
//
//   $ lookup 443/tcp https 49200/udp
//   443/tcp → https: http protocol over TLS/SSL
//   https → 443/tcp, 443/udp, 443/sctp
//   49200/udp → nothing registered (dynamic)
#include <ianaports/records.hpp>

#include <charconv>     // std::from_chars
#include <cstdint>      // std::uint16_t
#include <cstdio>       // std::printf
#include <string_view>  // std::string_view

namespace {

// "443" → 443; anything else (empty, "80x", "70000") → nothing.
std::optional<std::uint16_t> parse_port(std::string_view text) {
  std::uint16_t port = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), port);
  if (error != std::errc{} || end != text.data() + text.size()) {
    return std::nullopt;
  }
  return port;
}

int show_port(std::uint16_t port, ianaports::protocol p) {
  const std::string_view proto = ianaports::to_string(p);
  int found = 0;
  for (const ianaports::record& row : ianaports::by_port(port, p)) {
    if (!row.service.empty()) {
      std::printf("%u/%.*s → %.*s: %.*s\n", port, int(proto.size()), proto.data(),
                  int(row.service.size()), row.service.data(), int(row.description.size()),
                  row.description.data());
      ++found;
    }
  }
  if (found == 0) {
    const std::string_view why = ianaports::to_string(ianaports::status(port, p));
    std::printf("%u/%.*s → nothing registered (%.*s)\n", port, int(proto.size()), proto.data(),
                int(why.size()), why.data());
  }
  return found;
}

int show_name(std::string_view name) {
  int found = 0;
  std::printf("%.*s →", int(name.size()), name.data());
  for (const ianaports::record& row : ianaports::by_name(name)) {
    if (row.ports && row.transport) {
      const std::string_view proto = ianaports::to_string(*row.transport);
      std::printf("%s %u/%.*s", found == 0 ? "" : ",", row.ports->first, int(proto.size()),
                  proto.data());
      ++found;
    }
  }
  std::printf("%s\n", found == 0 ? " no port registered" : "");
  return found;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr,
                 "usage: lookup PORT[/PROTOCOL] | NAME ...   (e.g. lookup 443/tcp https)\n");
    return 2;
  }
  int found = 0;
  for (int i = 1; i < argc; ++i) {
    const std::string_view query = argv[i];  // PORT, PORT/PROTOCOL or NAME
    const auto slash = query.find('/');
    const std::string_view head = query.substr(0, slash);
    const auto p = slash == std::string_view::npos
                       ? std::optional{ianaports::protocol::tcp}
                       : ianaports::parse_protocol(query.substr(slash + 1));
    if (!p) {
      std::fprintf(stderr, "lookup: unknown protocol in \"%s\" (tcp, udp, sctp or dccp)\n",
                   argv[i]);
      return 2;
    }
    if (const auto port = parse_port(head)) {
      found += show_port(*port, *p);
    } else {
      found += show_name(head);
    }
  }
  return found > 0 ? 0 : 1;
}
