// SPDX-License-Identifier: BSL-1.0
// libnss_ianaports.so.2: glibc's Name Service Switch asks it for services, and it answers from
// the compiled registry (services_view.hpp) what glibc's files backend would answer from
// `portinfo --all --format services` (names compared without regard to case).
//
//   /etc/nsswitch.conf:   services: files ianaports
//
// C++ inside, a C ABI outside: the five functions glibc looks up by name, nothing else exported,
// no allocation, no exception, no C++ runtime needed (it is linked in statically, and only
// header code is used). Every answer is written into the caller's buffer; a buffer too small
// gets ERANGE and NSS_STATUS_TRYAGAIN, and glibc asks again with a bigger one.
#include <arpa/inet.h>  // htons, ntohs
#include <netdb.h>      // struct servent
#include <nss.h>        // enum nss_status
#include <pthread.h>

#include <cerrno>    // ERANGE, ENOENT
#include <cstddef>   // std::size_t
#include <cstdint>   // std::uint16_t, std::uintptr_t
#include <cstring>   // std::memcpy
#include <optional>  // std::optional

#include "services_view.hpp"

namespace {

using ianaports_nss::entry;

// Writes an entry into result and buffer: the alias pointers first (aligned), then the strings.
class servent_writer {
 public:
  servent_writer(char* buffer, std::size_t size) noexcept : buffer_(buffer), size_(size) {}

  bool write(const entry& e, servent* result) noexcept {
    std::size_t aliases = 0;
    std::size_t text = 0;
    ianaports_nss::for_each_alias(e, [&](std::string_view alias) {
      ++aliases;
      text += alias.size() + 1;
    });
    const std::string_view name = e.first.service();
    const std::string_view proto = ianaports::to_string(e.transport);
    text += name.size() + 1 + proto.size() + 1;
    const std::size_t pad =
        (alignof(char*) - reinterpret_cast<std::uintptr_t>(buffer_) % alignof(char*)) %
        alignof(char*);
    const std::size_t pointers = (aliases + 1) * sizeof(char*);
    if (size_ < pad || size_ - pad < pointers || size_ - pad - pointers < text) {
      return false;
    }
    char** alias_list = reinterpret_cast<char**>(buffer_ + pad);
    next_ = buffer_ + pad + pointers;
    result->s_name = copy(name);
    result->s_proto = copy(proto);
    std::size_t i = 0;
    ianaports_nss::for_each_alias(e,
                                  [&](std::string_view alias) { alias_list[i++] = copy(alias); });
    alias_list[i] = nullptr;
    result->s_aliases = alias_list;
    result->s_port = static_cast<int>(htons(e.port));
    return true;
  }

 private:
  char* copy(std::string_view text) noexcept {
    char* start = next_;
    if (!text.empty()) {
      std::memcpy(next_, text.data(), text.size());
    }
    next_[text.size()] = '\0';
    next_ += text.size() + 1;
    return start;
  }

  char* buffer_;
  std::size_t size_;
  char* next_ = nullptr;
};

// A protocol as the caller names it: none for NULL (any protocol); nothing found for a name
// that is no protocol.
struct asked_protocol {
  bool known = true;
  std::optional<ianaports::protocol> p;
};

asked_protocol read_protocol(const char* proto) noexcept {
  if (proto == nullptr) {
    return {};
  }
  const std::optional<ianaports::protocol> p = ianaports::parse_protocol(proto);
  return {p.has_value(), p};
}

nss_status answer(const std::optional<entry>& found, servent* result, char* buffer,
                  std::size_t size, int* errnop) noexcept {
  if (!found) {
    *errnop = ENOENT;
    return NSS_STATUS_NOTFOUND;
  }
  if (!servent_writer(buffer, size).write(*found, result)) {
    *errnop = ERANGE;
    return NSS_STATUS_TRYAGAIN;
  }
  return NSS_STATUS_SUCCESS;
}

// The enumeration's state. glibc serializes the enumeration calls of one process, but a module
// must not count on it: a lock of its own (a plain pthread one, which needs no C++ runtime).
pthread_mutex_t cursor_lock = PTHREAD_MUTEX_INITIALIZER;
ianaports_nss::entry_cursor cursor;

class locked {
 public:
  locked() noexcept { pthread_mutex_lock(&cursor_lock); }
  ~locked() { pthread_mutex_unlock(&cursor_lock); }
  locked(const locked&) = delete;
  locked& operator=(const locked&) = delete;
};

}  // namespace

#define IANAPORTS_NSS_EXPORT extern "C" __attribute__((visibility("default")))

IANAPORTS_NSS_EXPORT nss_status _nss_ianaports_getservbyname_r(const char* name, const char* proto,
                                                               servent* result, char* buffer,
                                                               std::size_t buflen, int* errnop) {
  const asked_protocol asked = read_protocol(proto);
  if (name == nullptr || !asked.known) {
    *errnop = ENOENT;
    return NSS_STATUS_NOTFOUND;
  }
  return answer(ianaports_nss::find_by_name(name, asked.p), result, buffer, buflen, errnop);
}

IANAPORTS_NSS_EXPORT nss_status _nss_ianaports_getservbyport_r(int port, const char* proto,
                                                               servent* result, char* buffer,
                                                               std::size_t buflen, int* errnop) {
  const asked_protocol asked = read_protocol(proto);
  if (!asked.known) {
    *errnop = ENOENT;
    return NSS_STATUS_NOTFOUND;
  }
  // The port comes in network byte order, in the low 16 bits (as struct servent holds it).
  const auto host_port = ntohs(static_cast<std::uint16_t>(static_cast<unsigned>(port) & 0xFFFFU));
  return answer(ianaports_nss::find_by_port(host_port, asked.p), result, buffer, buflen, errnop);
}

IANAPORTS_NSS_EXPORT nss_status _nss_ianaports_setservent(int /*stayopen*/) {
  const locked hold;
  cursor = ianaports_nss::entry_cursor{};
  return NSS_STATUS_SUCCESS;
}

IANAPORTS_NSS_EXPORT nss_status _nss_ianaports_endservent() {
  const locked hold;
  cursor = ianaports_nss::entry_cursor{};
  return NSS_STATUS_SUCCESS;
}

IANAPORTS_NSS_EXPORT nss_status _nss_ianaports_getservent_r(servent* result, char* buffer,
                                                            std::size_t buflen, int* errnop) {
  const locked hold;
  const std::optional<entry> found = cursor.next();
  if (!found) {
    *errnop = ENOENT;
    return NSS_STATUS_NOTFOUND;
  }
  const nss_status status = answer(found, result, buffer, buflen, errnop);
  if (status == NSS_STATUS_TRYAGAIN) {
    cursor.again(*found);  // the same entry, next time, into a bigger buffer
  }
  return status;
}
