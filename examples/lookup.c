/* SPDX-License-Identifier: BSL-1.0 */
/* lookup_c: lookup.cpp's questions through the C API (libianaports), in C99.
 *
 *   $ lookup_c 443/tcp https 49200/udp
 *   443/tcp -> https
 *   https -> 443/tcp, 443/udp, 443/sctp
 *   49200/udp -> nothing registered (dynamic)
 */
#include <ianaports/ianaports.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* "443" -> 443; anything else (empty, "80x", "70000") -> -1. */
static long parse_port(const char* text, size_t size) {
  long port = 0;
  size_t i;
  if (size == 0 || size > 5) {
    return -1;
  }
  for (i = 0; i < size; ++i) {
    if (text[i] < '0' || text[i] > '9') {
      return -1;
    }
    port = port * 10 + (text[i] - '0');
  }
  return port <= 65535 ? port : -1;
}

static int show_port(unsigned port, ianaports_protocol p) {
  const char* name = ianaports_name_of(port, p);
  if (name[0] != '\0') {
    printf("%u/%s -> %s\n", port, ianaports_protocol_name(p), name);
    return 1;
  }
  printf("%u/%s -> nothing registered (%s)\n", port, ianaports_protocol_name(p),
         ianaports_status_name(ianaports_status(port, p)));
  return 0;
}

static int show_name(const char* name, size_t size) {
  int found = 0;
  int p;
  printf("%.*s ->", (int)size, name);
  for (p = IANAPORTS_TCP; p <= IANAPORTS_DCCP; ++p) {
    const int port = ianaports_port_of_n(name, size, (ianaports_protocol)p);
    if (port >= 0) {
      printf("%s %d/%s", found == 0 ? "" : ",", port,
             ianaports_protocol_name((ianaports_protocol)p));
      ++found;
    }
  }
  printf("%s\n", found == 0 ? " no port registered" : "");
  return found;
}

int main(int argc, char** argv) {
  int found = 0;
  int i;
  if (argc < 2) {
    fprintf(stderr, "usage: lookup_c PORT[/PROTOCOL] | NAME ...   (e.g. lookup_c 443/tcp https)\n");
    return 2;
  }
  for (i = 1; i < argc; ++i) {
    const char* slash = strchr(argv[i], '/');
    const size_t head = slash != NULL ? (size_t)(slash - argv[i]) : strlen(argv[i]);
    const int p = slash != NULL ? ianaports_parse_protocol(slash + 1) : IANAPORTS_TCP;
    const long port = parse_port(argv[i], head);
    if (p < 0) {
      fprintf(stderr, "lookup_c: unknown protocol in \"%s\" (tcp, udp, sctp or dccp)\n", argv[i]);
      return 2;
    }
    found +=
        port >= 0 ? show_port((unsigned)port, (ianaports_protocol)p) : show_name(argv[i], head);
  }
  return found > 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
