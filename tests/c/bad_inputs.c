/* SPDX-License-Identifier: BSL-1.0 */
/* The C API's contract at its edges: every input is valid, and what is not a registry answer
   is a miss (ianaports.h). C99, strict; exits 1, naming each check that failed. */
#include <ianaports/ianaports.h>

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int failed = 0;

#define CHECK(condition)                                             \
  do {                                                               \
    if (!(condition)) {                                              \
      printf("%s:%d: failed: %s\n", __FILE__, __LINE__, #condition); \
      failed = 1;                                                    \
    }                                                                \
  } while (0)

/* An int that is no enumerator, as a C caller may pass one. */
static ianaports_protocol protocol_number(int value) {
  ianaports_protocol p;
  memcpy(&p, &value, sizeof p < sizeof value ? sizeof p : sizeof value);
  return p;
}

int main(void) {
  const ianaports_protocol no_protocols[] = {protocol_number(4), protocol_number(-1),
                                             protocol_number(INT_MAX), protocol_number(INT_MIN)};
  const unsigned no_ports[] = {65536U, 70000U, UINT_MAX};
  const size_t megabyte = (size_t)1 << 20;
  char* long_name = (char*)malloc(megabyte + 1);
  char buffer[8];
  size_t i, row = 12345;
  ianaports_query query;
  ianaports_row_info info;
  /* A lean build (the generation options) answers for what it keeps. */
  const int tcp = strstr(ianaports_kept_protocols(), "tcp") != NULL;
  const int udp = strstr(ianaports_kept_protocols(), "udp") != NULL;
  const int descriptions = strstr(ianaports_omitted_columns(), "description") == NULL;

  /* The answers the header's own comment promises. */
  CHECK(ianaports_port_of("https", IANAPORTS_TCP) == (tcp ? 443 : -1));
  CHECK(ianaports_port_of("HTTPS", IANAPORTS_UDP) == (udp ? 443 : -1));
  CHECK(strcmp(ianaports_name_of(22, IANAPORTS_TCP), tcp ? "ssh" : "") == 0);
  CHECK(ianaports_status(8080, IANAPORTS_TCP) == (tcp ? IANAPORTS_ASSIGNED : IANAPORTS_UNASSIGNED));
  CHECK(ianaports_status(50000, IANAPORTS_TCP) == IANAPORTS_DYNAMIC);
  CHECK(strlen(ianaports_registry_updated()) == 10);

  /* Names that are no name. */
  CHECK(ianaports_port_of(NULL, IANAPORTS_TCP) == -1);
  CHECK(ianaports_port_of("", IANAPORTS_TCP) == -1);
  CHECK(ianaports_port_of_n(NULL, 0, IANAPORTS_TCP) == -1);
  CHECK(ianaports_port_of_n("https-and-more", 5, IANAPORTS_TCP) == (tcp ? 443 : -1));
  /* The size, not a NUL, ends a name: the first five bytes are a name, the eight are none. */
  CHECK(ianaports_port_of_n("https\0xx", 8, IANAPORTS_TCP) == -1);
  CHECK(ianaports_port_of_n("ht\0tps", 6, IANAPORTS_TCP) == -1);
  CHECK(ianaports_port_of("caf\xc3\xa9", IANAPORTS_TCP) == -1);
  CHECK(ianaports_port_of("\xff\xfe", IANAPORTS_TCP) == -1);
  CHECK(long_name != NULL);
  if (long_name != NULL) {
    memset(long_name, 'a', megabyte);
    long_name[megabyte] = '\0';
    CHECK(ianaports_port_of(long_name, IANAPORTS_TCP) == -1);
    CHECK(ianaports_port_of_n(long_name, megabyte, IANAPORTS_UDP) == -1);
    ianaports_query_by_name(&query, long_name);
    CHECK(ianaports_query_size(&query) == 0 && !ianaports_query_next(&query, &row));
    CHECK(ianaports_person_of(long_name, &row) == 0 && row == 12345);
    free(long_name);
  }
  CHECK(ianaports_parse_protocol(NULL) == -1 && ianaports_parse_protocol("ddp") == -1);
  CHECK(ianaports_parse_protocol("SCTP") == IANAPORTS_SCTP);
  CHECK(ianaports_person_of(NULL, &row) == 0 && ianaports_person_of("", &row) == 0);

  /* Ports above 65535, protocols that are none. */
  for (i = 0; i < sizeof no_ports / sizeof no_ports[0]; ++i) {
    CHECK(strcmp(ianaports_name_of(no_ports[i], IANAPORTS_TCP), "") == 0);
    CHECK(ianaports_status(no_ports[i], IANAPORTS_TCP) == IANAPORTS_UNASSIGNED);
    CHECK(ianaports_classify(no_ports[i]) == IANAPORTS_NOT_A_PORT);
    ianaports_query_by_port(&query, no_ports[i], IANAPORTS_TCP);
    CHECK(ianaports_query_size(&query) == 0 && !ianaports_query_next(&query, &row));
    ianaports_query_by_range(&query, no_ports[i], UINT_MAX, IANAPORTS_TCP);
    CHECK(ianaports_query_size(&query) == 0);
  }
  for (i = 0; i < sizeof no_protocols / sizeof no_protocols[0]; ++i) {
    CHECK(ianaports_port_of("https", no_protocols[i]) == -1);
    CHECK(strcmp(ianaports_name_of(443, no_protocols[i]), "") == 0);
    CHECK(ianaports_status(443, no_protocols[i]) == IANAPORTS_UNASSIGNED);
    CHECK(strcmp(ianaports_protocol_name(no_protocols[i]), "") == 0);
    ianaports_query_by_protocol(&query, no_protocols[i]);
    CHECK(ianaports_query_size(&query) == 0);
    ianaports_query_by_port(&query, 443, no_protocols[i]);
    CHECK(!ianaports_query_next(&query, &row));
  }
  CHECK(strcmp(ianaports_status_name((ianaports_port_status)7), "") == 0);
  CHECK(strcmp(ianaports_class_name(IANAPORTS_NOT_A_PORT), "") == 0);
  CHECK(strcmp(ianaports_source_name((ianaports_record_source)2), "") == 0);
  CHECK(ianaports_classify(1023) == IANAPORTS_SYSTEM_PORT &&
        ianaports_classify(49151) == IANAPORTS_USER_PORT);

  /* A range from 1 to beyond 65535 is the range to 65535; first above last, none. */
  ianaports_query_by_range(&query, 60000, UINT_MAX, IANAPORTS_TCP);
  {
    ianaports_query same;
    ianaports_query_by_range(&same, 60000, 65535, IANAPORTS_TCP);
    CHECK(ianaports_query_size(&query) == ianaports_query_size(&same));
  }
  ianaports_query_by_range(&query, 443, 80, IANAPORTS_TCP);
  CHECK(ianaports_query_size(&query) == 0 && !ianaports_query_next(&query, &row));

  /* Rows and people past the last; columns and fields that are none. */
  CHECK(ianaports_row(ianaports_row_count(), &info) == 0);
  CHECK(ianaports_row((size_t)-1, NULL) == 0 && ianaports_row(0, NULL) == 1);
  memset(buffer, 'x', sizeof buffer);
  CHECK(ianaports_row_text(ianaports_row_count(), IANAPORTS_SERVICE, buffer, sizeof buffer) == 0 &&
        buffer[0] == '\0');
  memset(buffer, 'x', sizeof buffer);
  CHECK(ianaports_row_text(0, (ianaports_column)99, buffer, sizeof buffer) == 0 &&
        buffer[0] == '\0');
  CHECK(ianaports_person_text(ianaports_person_count(), IANAPORTS_PERSON_ID, buffer,
                              sizeof buffer) == 0);
  CHECK(ianaports_person_text(0, (ianaports_person_field)-3, buffer, sizeof buffer) == 0);

  /* snprintf's contract: the whole length, at most size - 1 bytes and a NUL, nothing at size 0. */
  ianaports_query_by_port(&query, 80, IANAPORTS_TCP);
  CHECK(ianaports_query_next(&query, &row) == tcp);
  if (tcp && !descriptions) {
    CHECK(ianaports_row_text(row, IANAPORTS_DESCRIPTION, buffer, sizeof buffer) == 0 &&
          buffer[0] == '\0');
  } else if (tcp) {
    const size_t whole = ianaports_row_text(row, IANAPORTS_DESCRIPTION, NULL, 0);
    CHECK(whole == strlen("World Wide Web HTTP"));
    memset(buffer, 'x', sizeof buffer);
    CHECK(ianaports_row_text(row, IANAPORTS_DESCRIPTION, buffer, 0) == whole && buffer[0] == 'x');
    CHECK(ianaports_row_text(row, IANAPORTS_DESCRIPTION, buffer, 1) == whole && buffer[0] == '\0');
    CHECK(ianaports_row_text(row, IANAPORTS_DESCRIPTION, buffer, sizeof buffer) == whole &&
          strcmp(buffer, "World W") == 0);
  }

  /* NULL where a query or an output goes. */
  ianaports_query_all(NULL);
  CHECK(ianaports_query_next(NULL, &row) == 0 && ianaports_query_size(NULL) == 0);
  ianaports_query_all(&query);
  CHECK(ianaports_query_next(&query, NULL) == 1);
  CHECK(ianaports_person_count() == 0 || ianaports_person_of("IETF_Chair", NULL) == 1);

  /* A query is plain data: a copy walks on its own. */
  ianaports_query_by_name(&query, "http");
  {
    ianaports_query copy = query;
    size_t first = 0, again = 1;
    CHECK(ianaports_query_next(&query, &first) && ianaports_query_next(&copy, &again) &&
          first == again);
  }
  if (!failed) {
    printf("every check passed\n");
  }
  return failed;
}
