// SPDX-License-Identifier: BSL-1.0
// Every answer of the C++ API, one a line, in the format answers.c prints the C API's in:
// same_answers.py holds the two equal, byte for byte. What the C API defines for inputs the C++
// API cannot take (a range's last port above 65535: 65535) is written here as it says.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <optional>
#include <string>
#include <string_view>

#include <ianaports/people.hpp>
#include <ianaports/records.hpp>

namespace {

namespace ip = ianaports;

void text(std::string_view bytes) {
  std::printf(" %lu:", static_cast<unsigned long>(bytes.size()));
  std::fwrite(bytes.data(), 1, bytes.size(), stdout);
}

int protocol_number(const std::optional<ip::protocol>& p) {
  return p ? static_cast<int>(*p) : -1;
}

void walk(const ip::row_range& found) {
  std::printf(" %lu", static_cast<unsigned long>(found.size()));
  for (const ip::row r : found) {
    std::printf(" %lu", static_cast<unsigned long>(r.index()));
  }
  std::printf("\n");
}

}  // namespace

int main() {
  const std::size_t rows = ip::records().size();
  const std::size_t people = ip::people().size();
  std::printf("constants %s %lu %s %s %lu %lu\n", std::string(ip::registry_updated).c_str(),
              static_cast<unsigned long>(ip::service_name_count),
              std::string(ip::omitted_columns).c_str(), std::string(ip::kept_protocols).c_str(),
              static_cast<unsigned long>(rows), static_cast<unsigned long>(people));
  for (const ip::protocol p : ip::all_protocols) {
    for (std::uint32_t port = 0; port <= 65535; ++port) {
      const auto number = static_cast<std::uint16_t>(port);
      std::printf("port %u %s %s", static_cast<unsigned>(port),
                  std::string(ip::to_string(p)).c_str(),
                  std::string(ip::to_string(ip::status(number, p))).c_str());
      text(ip::name_of(number, p));
      std::printf("\n");
    }
  }
  for (std::uint32_t port = 0; port <= 65535; port += 1021) {
    std::printf("class %u %s\n", static_cast<unsigned>(port),
                std::string(ip::to_string(ip::classify(static_cast<std::uint16_t>(port)))).c_str());
  }
  for (const ip::row r : ip::rows()) {
    const std::optional<ip::port_range> ports = r.ports();
    const std::optional<std::uint32_t> code = r.service_code();
    std::printf("row %lu %d %u %u %d %d %lu %d %s", static_cast<unsigned long>(r.index()),
                ports ? 1 : 0, ports ? ports->first : 0U, ports ? ports->last : 0U,
                protocol_number(r.transport()), code ? 1 : 0,
                static_cast<unsigned long>(code ? *code : 0), r.ports_written_as_range() ? 1 : 0,
                std::string(ip::to_string(r.source())).c_str());
    for (const std::string_view column :
         {r.service(), r.description(), r.assignee(), r.contact(), r.registered(), r.modified(),
          r.reference(), r.unauthorized_use(), r.notes()}) {
      text(column);
    }
    std::printf("\nname %lu", static_cast<unsigned long>(r.index()));
    for (const ip::protocol p : ip::all_protocols) {
      const std::optional<std::uint16_t> port = ip::port_of(r.service(), p);
      std::printf(" %d", port ? static_cast<int>(*port) : -1);
    }
    std::printf("\nby_name %lu", static_cast<unsigned long>(r.index()));
    walk(ip::by_name(r.service()).rows());
  }
  for (const ip::protocol p : ip::all_protocols) {
    const int number = static_cast<int>(p);
    for (std::uint32_t port = 0; port <= 65535; port += 37) {
      std::printf("by_port %u %d", static_cast<unsigned>(port), number);
      walk(ip::by_port(static_cast<std::uint16_t>(port), p).rows());
    }
    for (std::uint32_t port = 0; port <= 65535; port += 4099) {
      const std::uint32_t last = port + 700 > 65535 ? 65535 : port + 700;
      std::printf("by_range %u %u %d", static_cast<unsigned>(port),
                  static_cast<unsigned>(port + 700), number);
      walk(ip::by_range({static_cast<std::uint16_t>(port), static_cast<std::uint16_t>(last)}, p)
               .rows());
    }
    std::printf("by_protocol %d", number);
    walk(ip::by_protocol(p).rows());
  }
  std::printf("all");
  walk(ip::rows());
  std::size_t index = 0;
  for (const ip::person who : ip::people()) {
    std::printf("person %lu", static_cast<unsigned long>(index));
    for (const std::string_view field : {who.id, who.name, who.org, who.uri, who.updated}) {
      text(field);
    }
    // The index of the first person of that id (person_of's answer).
    std::size_t first = 0;
    for (const ip::person each : ip::people()) {
      if (each.id == who.id) {
        break;
      }
      ++first;
    }
    std::printf(" %d %lu\n", ip::person_of(who.id) ? 1 : 0, static_cast<unsigned long>(first));
    ++index;
  }
  return 0;
}
