/* SPDX-License-Identifier: BSL-1.0 */
/* A static C program that needs no /etc/services: the C API answers where the C library's own
   getservbyname, reading the file, finds nothing. musl_test.sh builds it with musl-gcc -static
   and runs it with an empty file bound over /etc/services. Prints both answers; exits 0 when
   the C API's are right and getservbyname's are missing, as they must be there. */
#define _DEFAULT_SOURCE /* getservbyname, under -std=c99 */
#include <ianaports/ianaports.h>

#include <netdb.h>
#include <stdio.h>
#include <string.h>

int main(void) {
  const struct servent* libc = getservbyname("https", "tcp");
  const int https = ianaports_port_of("https", IANAPORTS_TCP);
  const char* ssh = ianaports_name_of(22, IANAPORTS_TCP);
  const int flex_lm = ianaports_port_of("flex-lm", IANAPORTS_UDP);
  printf("getservbyname(\"https\", \"tcp\"): %s\n", libc != NULL ? "found" : "not found");
  printf("ianaports: https %d/tcp, 22/tcp %s, flex-lm %d/udp, registry of %s\n", https, ssh,
         flex_lm, ianaports_registry_updated());
  return libc == NULL && https == 443 && strcmp(ssh, "ssh") == 0 && flex_lm == 27000 ? 0 : 1;
}
