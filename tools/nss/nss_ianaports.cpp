// SPDX-License-Identifier: BSL-1.0
// libnss_ianaports.so.2: glibc's Name Service Switch asks it for services, and it answers from
// the compiled registry (ianaports/services.hpp) what glibc's files backend would answer from
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
#include <cstring>   // std::memcpy, std::memmove, std::strlen
#include <optional>  // std::optional

#include <ianaports/services.hpp>

namespace {

using entry = ianaports::service_entry;

// Writes an entry into result and buffer: the alias pointers first (aligned), then the strings.
//
// In one walk over the aliases, as finding them is what costs (a local line may have
// thousands): the strings are written from the start of the buffer as they come, with room
// kept for their pointers, then moved up past the pointers, which are found again at their
// NULs (no name the export writes holds one: fits_services_file). A buffer too small is told so
// as soon as the walk has filled it, so that glibc's retries, a buffer twice as big each time,
// cost about one walk together.
class servent_writer {
 public:
  servent_writer(char* buffer, std::size_t size) noexcept : buffer_(buffer), size_(size) {}

  bool write(const entry& e, servent* result) noexcept {
    const std::size_t pad =
        (alignof(char*) - reinterpret_cast<std::uintptr_t>(buffer_) % alignof(char*)) %
        alignof(char*);
    if (size_ < pad) {
      return false;
    }
    start_ = buffer_ + pad;
    room_ = size_ - pad;
    bool fits = append(e.first.service(), 0) && append(ianaports::to_string(e.transport), 0);
    if (fits) {
      ianaports::for_each_alias(e, [&](std::string_view alias) {
        fits = append(alias, 1);
        return fits;
      });
    }
    if (!fits) {
      return false;
    }
    char** const alias_list = reinterpret_cast<char**>(start_);
    char* next = start_ + pointers_ * sizeof(char*);
    std::memmove(next, start_, text_);
    const auto take = [&next]() noexcept {
      char* const string = next;
      next += std::strlen(string) + 1;
      return string;
    };
    result->s_name = take();
    result->s_proto = take();
    for (std::size_t i = 0; i + 1 < pointers_; ++i) {
      alias_list[i] = take();
    }
    alias_list[pointers_ - 1] = nullptr;
    result->s_aliases = alias_list;
    result->s_port = static_cast<int>(htons(e.port));
    return true;
  }

 private:
  // Writes text and its NUL after the strings so far, if the answer still fits with `pointers`
  // more alias pointers.
  bool append(std::string_view text, std::size_t pointers) noexcept {
    const std::size_t after = text_ + text.size() + 1;
    if (after > room_ || (room_ - after) / sizeof(char*) < pointers_ + pointers) {
      return false;
    }
    if (!text.empty()) {
      std::memcpy(start_ + text_, text.data(), text.size());
    }
    start_[text_ + text.size()] = '\0';
    text_ = after;
    pointers_ += pointers;
    return true;
  }

  char* buffer_;
  std::size_t size_;
  char* start_ = nullptr;     // the buffer from its first aligned byte
  std::size_t room_ = 0;      // its size from there
  std::size_t text_ = 0;      // the strings written, NULs included
  std::size_t pointers_ = 1;  // the alias list's: one an alias, and its NULL
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
ianaports::service_cursor cursor;

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
  return answer(ianaports::service_by_name(name, asked.p), result, buffer, buflen, errnop);
}

IANAPORTS_NSS_EXPORT nss_status _nss_ianaports_getservbyport_r(int port, const char* proto,
                                                               servent* result, char* buffer,
                                                               std::size_t buflen, int* errnop) {
  const asked_protocol asked = read_protocol(proto);
  // The port comes in network byte order, in the low 16 bits (as struct servent holds it); an
  // int with any other bit set is no port, as to the files backend, which compares the whole int.
  if (!asked.known || (static_cast<unsigned>(port) & ~0xFFFFU) != 0) {
    *errnop = ENOENT;
    return NSS_STATUS_NOTFOUND;
  }
  const auto host_port = ntohs(static_cast<std::uint16_t>(port));
  return answer(ianaports::service_by_port(host_port, asked.p), result, buffer, buflen, errnop);
}

IANAPORTS_NSS_EXPORT nss_status _nss_ianaports_setservent(int /*stayopen*/) {
  const locked hold;
  cursor = ianaports::service_cursor{};
  return NSS_STATUS_SUCCESS;
}

IANAPORTS_NSS_EXPORT nss_status _nss_ianaports_endservent() {
  const locked hold;
  cursor = ianaports::service_cursor{};
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
