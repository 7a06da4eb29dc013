/* SPDX-License-Identifier: BSL-1.0 */
/* Every answer of the C API, one a line, in the format answers.cpp prints the C++ API's in:
   same_answers.py holds the two equal, byte for byte. C99, strict. */
#include <ianaports/ianaports.h>

#include <stdio.h>
#include <string.h>

/* Text as its length and its bytes: a column may hold any byte but NUL. */
static void text(const char* bytes, size_t size) {
  printf(" %lu:", (unsigned long)size);
  fwrite(bytes, 1, size, stdout);
}

/* A column, read twice: its length with no buffer, then whole into one just big enough. */
static char column[1 << 16];
static size_t read_column(size_t row, ianaports_column c) {
  const size_t size = ianaports_row_text(row, c, NULL, 0);
  if (size >= sizeof column || ianaports_row_text(row, c, column, size + 1) != size) {
    printf("\nrow %lu column %d: misread\n", (unsigned long)row, (int)c);
    return 0;
  }
  return size;
}

static void walk(ianaports_query* query) {
  size_t row = 0;
  printf(" %lu", (unsigned long)ianaports_query_size(query));
  while (ianaports_query_next(query, &row)) {
    printf(" %lu", (unsigned long)row);
  }
  printf("\n");
}

int main(void) {
  const size_t rows = ianaports_row_count();
  const size_t people = ianaports_person_count();
  size_t r, i;
  unsigned port;
  int p;
  ianaports_query query;

  printf("constants %s %lu %s %s %lu %lu\n", ianaports_registry_updated(),
         (unsigned long)ianaports_service_name_count(), ianaports_omitted_columns(),
         ianaports_kept_protocols(), (unsigned long)rows, (unsigned long)people);
  for (p = 0; p < 4; ++p) {
    for (port = 0; port <= 65535; ++port) {
      const char* name = ianaports_name_of(port, (ianaports_protocol)p);
      printf("port %u %s %s", port, ianaports_protocol_name((ianaports_protocol)p),
             ianaports_status_name(ianaports_status(port, (ianaports_protocol)p)));
      text(name, strlen(name));
      printf("\n");
    }
  }
  for (port = 0; port <= 65535; port += 1021) {
    printf("class %u %s\n", port, ianaports_class_name(ianaports_classify(port)));
  }
  for (r = 0; r < rows; ++r) {
    ianaports_row_info info;
    int c;
    if (!ianaports_row(r, &info)) {
      printf("row %lu: missing\n", (unsigned long)r);
      continue;
    }
    printf("row %lu %d %u %u %d %d %lu %d %s", (unsigned long)r, info.has_ports, info.first_port,
           info.last_port, info.protocol, info.has_service_code, info.service_code,
           info.ports_written_as_range, ianaports_source_name(info.source));
    for (c = IANAPORTS_SERVICE; c <= IANAPORTS_NOTES; ++c) {
      const size_t size = read_column(r, (ianaports_column)c);
      text(column, size);
    }
    printf("\n");
    {
      const size_t size = read_column(r, IANAPORTS_SERVICE);
      printf("name %lu", (unsigned long)r);
      for (p = 0; p < 4; ++p) {
        printf(" %d", ianaports_port_of_n(column, size, (ianaports_protocol)p));
      }
      printf("\nby_name %lu", (unsigned long)r);
      ianaports_query_by_name_n(&query, column, size);
      walk(&query);
    }
  }
  for (p = 0; p < 4; ++p) {
    for (port = 0; port <= 65535; port += 37) {
      printf("by_port %u %d", port, p);
      ianaports_query_by_port(&query, port, (ianaports_protocol)p);
      walk(&query);
    }
    for (port = 0; port <= 65535; port += 4099) {
      printf("by_range %u %u %d", port, port + 700, p);
      ianaports_query_by_range(&query, port, port + 700, (ianaports_protocol)p);
      walk(&query);
    }
    printf("by_protocol %d", p);
    ianaports_query_by_protocol(&query, (ianaports_protocol)p);
    walk(&query);
  }
  printf("all");
  ianaports_query_all(&query);
  walk(&query);
  for (i = 0; i < people; ++i) {
    static char field[1 << 12];
    size_t found = 0;
    int f;
    printf("person %lu", (unsigned long)i);
    for (f = IANAPORTS_PERSON_ID; f <= IANAPORTS_PERSON_UPDATED; ++f) {
      const size_t size = ianaports_person_text(i, (ianaports_person_field)f, field, sizeof field);
      text(field, size < sizeof field ? size : 0);
    }
    ianaports_person_text(i, IANAPORTS_PERSON_ID, field, sizeof field);
    printf(" %d", ianaports_person_of(field, &found));
    printf(" %lu\n", (unsigned long)found);
  }
  return 0;
}
