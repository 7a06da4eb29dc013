/* SPDX-License-Identifier: BSL-1.0 */
/* ianaports.h: the IANA Service Name and Transport Protocol Port Number Registry, for C.
 *
 *   #include <ianaports/ianaports.h>
 *
 *   int https = ianaports_port_of("https", IANAPORTS_TCP);          443
 *   const char *ssh = ianaports_name_of(22, IANAPORTS_TCP);        "ssh"
 *   ianaports_port_status s = ianaports_status(8080, IANAPORTS_TCP);  IANAPORTS_ASSIGNED
 *
 * The C API of libianaports (CMake: ianaports::c; pkg-config: ianaports-c), C99 and C++, over
 * the same compiled tables as the C++ headers: every answer is the C++ function's of the same
 * name. No I/O, no allocation, no global state: every function may be called from any thread
 * at any time, and none fails but by answering "not found".
 *
 * Every input is valid. A NULL, empty, megabyte-long or non-ASCII name is simply not found; a
 * port above 65535, a protocol, column or field outside its enumeration, or a row or person
 * past the last is a miss. Names compare case-insensitively (RFC 6335, section 5.1).
 *
 * What the library hands out is static: a `const char *` it returns is NUL-terminated and valid
 * for the whole program. Text of any length is copied into the caller's buffer, as snprintf
 * does: at most size - 1 bytes and a NUL, the text's whole length returned.
 */
#ifndef IANAPORTS_H
#define IANAPORTS_H
/* A C header, which clang-tidy reads as C++ from the C++ that includes it: */
/* NOLINTBEGIN(modernize-deprecated-headers,modernize-use-using) */

#include <stddef.h> /* size_t */

#ifdef __cplusplus
extern "C" {
/* C++ reads the enumerations as int, the type C passes them as: any value a C caller gives is
   one the library may read, and finds out of range. */
#define IANAPORTS_C_ENUM(name) enum name : int
#else
#define IANAPORTS_C_ENUM(name) enum name
#endif

/* --- The vocabulary --------------------------------------------------------------------------- */

/* The transport protocols the registry assigns ports for. */
typedef IANAPORTS_C_ENUM(ianaports_protocol){IANAPORTS_TCP, IANAPORTS_UDP, IANAPORTS_SCTP,
                                             IANAPORTS_DCCP} ianaports_protocol;

/* What the registry says of a port (ianaports_status). */
typedef IANAPORTS_C_ENUM(ianaports_port_status){IANAPORTS_ASSIGNED, IANAPORTS_RESERVED,
                                                IANAPORTS_UNASSIGNED,
                                                IANAPORTS_DYNAMIC} ianaports_port_status;

/* The three ranges of RFC 6335, section 6, and what a number above 65535 is. */
typedef IANAPORTS_C_ENUM(ianaports_port_class){
    IANAPORTS_NOT_A_PORT = -1, /* above 65535 */
    IANAPORTS_SYSTEM_PORT,     /* 0-1023 */
    IANAPORTS_USER_PORT,       /* 1024-49151 */
    IANAPORTS_DYNAMIC_PORT     /* 49152-65535: never assigned */
} ianaports_port_class;

/* Where a row comes from: IANA's registry, or the user's own services compiled in beside it. */
typedef IANAPORTS_C_ENUM(ianaports_record_source){IANAPORTS_FROM_REGISTRY,
                                                  IANAPORTS_FROM_LOCAL} ianaports_record_source;

/* "tcp", "assigned", "system", "registry"...: an enumerator's name; "" for a value that is none. */
const char* ianaports_protocol_name(ianaports_protocol p);
const char* ianaports_status_name(ianaports_port_status s);
const char* ianaports_class_name(ianaports_port_class c);
const char* ianaports_source_name(ianaports_record_source s);

/* The protocol named ("tcp", "UDP"...: case ignored), or -1. */
int ianaports_parse_protocol(const char* name);

/* The RFC 6335 range a port is in; IANAPORTS_NOT_A_PORT above 65535. */
ianaports_port_class ianaports_classify(unsigned port);

/* --- Lookups ---------------------------------------------------------------------------------- */

/* The port of a service: the first port of the first row with that name that holds for p (a
   row naming p, or one written without a protocol); -1 when there is none. */
int ianaports_port_of(const char* name, ianaports_protocol p);
/* The same for a name of size bytes, NUL or not (name may be NULL when size is 0). */
int ianaports_port_of_n(const char* name, size_t size, ianaports_protocol p);

/* The service on a port: the first non-empty name among the rows covering it for p ("http" for
   80/tcp, not its aliases "www" and "www-http"); "" when none. */
const char* ianaports_name_of(unsigned port, ianaports_protocol p);

/* IANAPORTS_ASSIGNED when a covering row has a name; else IANAPORTS_RESERVED when one says
   "Reserved"; else IANAPORTS_DYNAMIC for 49152 and up; else IANAPORTS_UNASSIGNED (rows that say
   Unassigned, De-registered or Removed, or no row), as for a port above 65535 or a protocol
   that is none. */
ianaports_port_status ianaports_status(unsigned port, ianaports_protocol p);

/* --- Rows ------------------------------------------------------------------------------------- */

/* Rows are numbered 0 to ianaports_row_count() - 1, in registry order (local rows first). */
size_t ianaports_row_count(void);

/* A row's text columns, rendered as IANA's CSV export renders them. */
typedef IANAPORTS_C_ENUM(ianaports_column){
    IANAPORTS_SERVICE,          /* as written ("sql*net", "HTTP"...); "" for none */
    IANAPORTS_DESCRIPTION,      /* white space folded */
    IANAPORTS_ASSIGNEE,         /* "[Id]" person references, joined */
    IANAPORTS_CONTACT,          /* likewise */
    IANAPORTS_REGISTERED,       /* "2005-12", "2021-10-01" or "" */
    IANAPORTS_MODIFIED,         /* likewise */
    IANAPORTS_REFERENCE,        /* "[RFC3501][RFC9051]"... */
    IANAPORTS_UNAUTHORIZED_USE, /* line breaks kept */
    IANAPORTS_NOTES             /* line breaks kept */
} ianaports_column;

/* Copies a column of a row into buffer (at most size - 1 bytes, then a NUL; buffer may be NULL
   when size is 0) and returns the column's whole length in bytes: a return of size or more
   means the copy was cut short. A row past the last, or a column that is none: "", 0. */
size_t ianaports_row_text(size_t row, ianaports_column column, char* buffer, size_t size);

/* A row's other columns. */
typedef struct ianaports_row_info {
  int has_ports;       /* 0 for a service-name-only registration */
  unsigned first_port; /* its ports, first_port to last_port, when has_ports */
  unsigned last_port;
  int protocol;         /* an ianaports_protocol, or -1 when the row holds for every protocol */
  int has_service_code; /* a DCCP service code... */
  unsigned long service_code; /* ...which is this */
  int ports_written_as_range; /* IANA writes a single port as "4748-4748" */
  ianaports_record_source source;
} ianaports_row_info;

/* Fills info with the row's other columns and returns 1; returns 0 for a row past the last, and
   leaves info as it was. */
int ianaports_row(size_t row, ianaports_row_info* info);

/* --- Queries ---------------------------------------------------------------------------------- */

/* What a query found, walked row by row: caller-owned (128 bytes), copied freely; each
   copy walks on its own. Start it with one of the ianaports_query_* functions. */
typedef struct ianaports_query {
  union {
    unsigned char bytes[128];
    unsigned long long align_integer_;
    void* align_pointer_;
  } opaque_;
} ianaports_query;

/* Every row, in registry order. */
void ianaports_query_all(ianaports_query* query);
/* The rows with this service name, any protocol (NULL: none). */
void ianaports_query_by_name(ianaports_query* query, const char* name);
void ianaports_query_by_name_n(ianaports_query* query, const char* name, size_t size);
/* The rows covering port for p: rows naming p and rows that hold for every protocol. */
void ianaports_query_by_port(ianaports_query* query, unsigned port, ianaports_protocol p);
/* The rows for p, as by port, whose ports overlap first-last (last above 65535 is taken as
   65535; first above last or above 65535: none). */
void ianaports_query_by_range(ianaports_query* query, unsigned first, unsigned last,
                              ianaports_protocol p);
/* The rows naming p. */
void ianaports_query_by_protocol(ianaports_query* query, ianaports_protocol p);

/* Sets *row to the query's next row and returns 1; returns 0 when there is none left. */
int ianaports_query_next(ianaports_query* query, size_t* row);
/* How many rows the query found in all, however far it has walked. */
size_t ianaports_query_size(const ianaports_query* query);

/* --- The people directory --------------------------------------------------------------------- */

/* People are numbered 0 to ianaports_person_count() - 1, in registry order; a lean build without
   the people columns has none. */
size_t ianaports_person_count(void);

/* The person with exactly this id (ids are case-sensitive): sets *person and returns 1, or
   returns 0. */
int ianaports_person_of(const char* id, size_t* person);

typedef IANAPORTS_C_ENUM(ianaports_person_field){
    IANAPORTS_PERSON_ID,     /* "Vera_Heinau", as the rows' [Id] references name it */
    IANAPORTS_PERSON_NAME,   /* as written, "" when absent */
    IANAPORTS_PERSON_ORG,    /* likewise */
    IANAPORTS_PERSON_URI,    /* as IANA writes it: "mailto:someone&example.com" */
    IANAPORTS_PERSON_UPDATED /* "2012-01-11" or "" */
} ianaports_person_field;

/* Copies a field of a person into buffer, as ianaports_row_text copies a column. */
size_t ianaports_person_text(size_t person, ianaports_person_field field, char* buffer,
                             size_t size);

/* --- What the build holds --------------------------------------------------------------------- */

/* The date of the registry release compiled in, its <updated> element ("2026-08-17"). */
const char* ianaports_registry_updated(void);
/* How many distinct service names it holds, case ignored. */
size_t ianaports_service_name_count(void);
/* The column groups a lean build left out, joined by commas ("" for a full build). */
const char* ianaports_omitted_columns(void);
/* The protocols whose rows it keeps, joined by commas ("tcp,udp,sctp,dccp" for a full build). */
const char* ianaports_kept_protocols(void);

#undef IANAPORTS_C_ENUM

#ifdef __cplusplus
} /* extern "C" */
#endif

/* NOLINTEND(modernize-deprecated-headers,modernize-use-using) */
#endif /* IANAPORTS_H */
