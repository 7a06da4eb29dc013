// SPDX-License-Identifier: BSL-1.0
// portinfo --generate KIND: the manual (man) and the shell completions (bash, zsh, fish), written
// from options[] (command_line.hpp) as ripgrep writes its own from its one table of flags: an
// option cannot be documented in one of them and forgotten in another. The manual's prose is
// manual.hpp's; each script's fixed part is a template here, with slots ("@NAME@") filled from
// options[].
//
// The source holds what each prints (tools/portinfo/portinfo.1 and tools/portinfo/completions/),
// so that a distribution or a cross build installs them without running portinfo; a test checks
// that they are what portinfo prints, and the target portinfo-docs writes them again.
#ifndef PORTINFO_GENERATE_HPP
#define PORTINFO_GENERATE_HPP

#include <cstddef>           // std::size_t
#include <initializer_list>  // std::initializer_list
#include <iterator>          // std::size
#include <string>            // std::string
#include <string_view>       // std::string_view
#include <vector>            // std::vector

#include "command_line.hpp"
#include "manual.hpp"

namespace portinfo {

// --- Templates and their slots -----------------------------------------------------------------

// How often part occurs in text: each slot of a template is there once.
constexpr std::size_t occurrences(std::string_view text, std::string_view part) noexcept {
  std::size_t count = 0;
  for (std::size_t at = text.find(part); at != std::string_view::npos;
       at = text.find(part, at + part.size())) {
    ++count;
  }
  return count;
}

// A slot's name ("@OPTIONS@\n": a slot is a line of its own) and the lines it becomes.
struct slot {
  std::string_view name;
  std::string text;
};

// The template with each slot replaced by its text. The template is read once, left to right:
// a slot's text is never searched for another slot.
inline std::string filled(std::string_view template_text, std::initializer_list<slot> slots) {
  std::string text;
  std::size_t from = 0;
  for (;;) {
    const slot* next = nullptr;
    std::size_t at = std::string_view::npos;
    for (const slot& each : slots) {
      const std::size_t found = template_text.find(each.name, from);
      if (found < at) {
        at = found;
        next = &each;
      }
    }
    if (next == nullptr) {
      text += template_text.substr(from);
      return text;
    }
    text += template_text.substr(from, at - from);
    text += next->text;
    from = at + next->name.size();
  }
}

// Words joined by spaces in lines of at most 100 columns, the first starting at column `column`,
// each other after indent: a long list of options stays readable in a script.
inline std::string wrapped(const std::vector<std::string_view>& words, std::size_t column,
                           std::string_view indent) {
  constexpr std::size_t width = 100;
  std::string text;
  for (const std::string_view word : words) {
    if (!text.empty() && column + 1 + word.size() > width) {
      text += '\n';
      text += indent;
      column = indent.size();
    } else if (!text.empty()) {
      text += ' ';
      ++column;
    }
    text += word;
    column += word.size();
  }
  return text;
}

// The names an option is typed as: its long name, and its short one if it has one.
inline std::vector<std::string_view> names_of(const option& known) {
  std::vector<std::string_view> names{known.name};
  if (!known.short_name.empty()) {
    names.push_back(known.short_name);
  }
  return names;
}

// The choices an option's value lists, as the words a shell offers: "tcp udp sctp dccp".
inline std::string choice_words(std::string_view value) {
  std::string words;
  for (std::size_t i = 0; i < choice_count(value); ++i) {
    words += i == 0 ? "" : " ";
    words += choice(value, i);
  }
  return words;
}

// --- The manual: portinfo(1) in roff -----------------------------------------------------------

// Text as roff prints it as written: "-" is a hyphen to roff, and an option's dashes are
// minus signs (\-), which a reader can copy and type.
inline std::string roff_text(std::string_view text) {
  std::string roff;
  for (const char c : text) {
    roff += c == '-' ? "\\-" : c == '\\' ? "\\e" : std::string(1, c);
  }
  return roff;
}

// An option's value in roff, by man-pages(7)'s rule: what is typed as written in bold (lower case,
// "/", "-"), what stands for something in italics (capitals), and the brackets of an optional
// part and the "|" between choices in roman. "PORT[/PROTO]" is \fIPORT\fR[\fB/\fIPROTO\fR].
inline std::string roff_value(std::string_view value) {
  std::string roff;
  char font = 'R';
  for (const char c : value) {
    const char wanted = c >= 'A' && c <= 'Z' ? 'I' : c == '[' || c == ']' || c == '|' ? 'R' : 'B';
    if (wanted != font) {
      roff += "\\f";
      roff += wanted;
      font = wanted;
    }
    roff += roff_text(std::string_view(&c, 1));
  }
  if (font != 'R') {
    roff += "\\fR";
  }
  return roff;
}

// An option as the manual shows it, on a line of its own: ".B \-\-all",
// ".BR \-\-status \" \fIPORT\fR[\fB/\fIPROTO\fR]\"", or with its short name after a comma
// (".BR \-\-help \", \" \-h") where the entry describes it.
inline std::string roff_option(const option& known, bool with_short_name) {
  const bool shows_short_name = with_short_name && !known.short_name.empty();
  std::string between;  // in roman, after the long name
  if (!known.value.empty()) {
    between += "\\ " + roff_value(known.value);  // "\\ ": no line break before the value
  }
  if (shows_short_name) {
    between += ", ";
  }
  if (between.empty()) {
    return ".B " + roff_text(known.name) + "\n";
  }
  std::string line = ".BR " + roff_text(known.name) + " \"" + between + "\"";
  if (shows_short_name) {
    line += " " + roff_text(known.short_name);
  }
  return line + "\n";
}

// The synopsis after the lookups' line: a line for each group of questions, as the usage has.
inline std::string man_synopsis() {
  std::string roff;
  for (const option_group group : question_groups) {
    roff += ".br\n.B portinfo\n";
    roff += takes_settings(group) ? ".RI [ OPTIONS ]\n" : "";
    bool first = true;
    for (const option& known : options) {
      if (known.group == group) {
        roff += first ? "" : "|\n";
        roff += roff_option(known, false);
        first = false;
      }
    }
  }
  return roff;
}

// A tagged paragraph for each option of a group: its names and value, then its manual text.
inline std::string man_entries(option_group group) {
  std::string roff;
  for (const option& known : options) {
    if (known.group == group) {
      roff += ".TP\n" + roff_option(known, true);
      roff += known.manual;
      roff += '\n';
    }
  }
  return roff;
}

static_assert(occurrences(manual_template, "\n@SYNOPSIS@\n") == 1 &&
                  occurrences(manual_template, "\n@QUESTIONS@\n") == 1 &&
                  occurrences(manual_template, "\n@OPTIONS@\n") == 1,
              "manual.hpp has each slot once, on a line of its own");

inline std::string man_page() {
  std::string questions;
  for (const option_group group : question_groups) {
    questions += man_entries(group);
  }
  return filled(manual_template, {{"@SYNOPSIS@\n", man_synopsis()},
                                  {"@QUESTIONS@\n", questions},
                                  {"@OPTIONS@\n", man_entries(option_group::setting)}});
}

// --- bash ------------------------------------------------------------------------------------

inline constexpr std::string_view bash_template = R"bash(# SPDX-License-Identifier: BSL-1.0
# bash completion for portinfo(1): its options, and the values of those that list them.
# Generated by `portinfo --generate bash` from options[] in tools/portinfo/command_line.hpp and
# the template in tools/portinfo/generate.hpp: do not edit; edit those, then build the target
# portinfo-docs. Installed as share/bash-completion/completions/portinfo, or sourced from
# ~/.bashrc.

_portinfo() {
    local cur=${COMP_WORDS[COMP_CWORD]}
    local prev=
    ((COMP_CWORD > 0)) && prev=${COMP_WORDS[COMP_CWORD - 1]}
@OPTIONS@

    # --format=json may reach us as one word, or as "--format" "=" "json" when '=' is in
    # COMP_WORDBREAKS (as it is by default).
    local option= prefix=
    if [[ $cur == --*=* ]]; then
        option=${cur%%=*}
        prefix=$option=
        cur=${cur#*=}
    elif [[ $cur == = ]] && ((COMP_CWORD > 1)); then
        option=$prev
        cur=
    elif [[ $prev == = ]] && ((COMP_CWORD > 1)); then
        option=${COMP_WORDS[COMP_CWORD - 2]}
    else
        option=$prev
    fi

    local values=
    case $option in
@VALUES@
    esac
    if [[ -n $values ]]; then
        COMPREPLY=($(compgen -P "$prefix" -W "$values" -- "$cur"))
        return 0
    fi

    # Options only: a QUERY is a port or a service name, not a file. After "--", queries only.
    local i
    for ((i = 1; i < COMP_CWORD; i++)); do
        if [[ ${COMP_WORDS[i]} == -- ]]; then
            COMPREPLY=()
            return 0
        fi
    done
    if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "$options" -- "$cur"))
    else
        COMPREPLY=()
    fi
    return 0
}

complete -F _portinfo portinfo
)bash";
static_assert(occurrences(bash_template, "\n@OPTIONS@\n") == 1 &&
                  occurrences(bash_template, "\n@VALUES@\n") == 1,
              "the bash template has each slot once, on a line of its own");

// "local options='--protocol --format ...'": every name of every option.
inline std::string bash_options() {
  std::vector<std::string_view> names;
  for (const option& known : options) {
    for (const std::string_view name : names_of(known)) {
      names.push_back(name);
    }
  }
  const std::string_view start = "    local options='";
  return std::string(start) + wrapped(names, start.size(), "        ") + "'\n";
}

// The arms of `case $option`: an option's choices to offer, or nothing for a value to type.
inline std::string bash_values() {
  std::string arms;
  std::string typed;  // "--search | --status ...": the options whose value is typed
  for (const option& known : options) {
    if (lists_choices(known.value)) {
      arms += "        " + std::string(known.name) + ") values='" + choice_words(known.value) +
              "' ;;\n";
    } else if (!known.value.empty()) {
      typed += typed.empty() ? "" : " | ";
      typed += known.name;
    }
  }
  if (!typed.empty()) {
    arms += "        " + typed + ")\n" +
            "            COMPREPLY=()  # a value to type (a TEXT, a PORT...): nothing to offer\n"
            "            return 0\n"
            "            ;;\n";
  }
  return arms;
}

inline std::string bash_completion() {
  return filled(bash_template, {{"@OPTIONS@\n", bash_options()}, {"@VALUES@\n", bash_values()}});
}

// --- zsh -------------------------------------------------------------------------------------

inline constexpr std::string_view zsh_template = R"zsh(#compdef portinfo
# SPDX-License-Identifier: BSL-1.0
# zsh completion for portinfo(1): its options, and the values of those that list them.
# Generated by `portinfo --generate zsh` from options[] in tools/portinfo/command_line.hpp and
# the template in tools/portinfo/generate.hpp: do not edit; edit those, then build the target
# portinfo-docs. Installed as share/zsh/site-functions/_portinfo (a directory of $fpath), or
# sourced after compinit.

_portinfo() {
  # One question a call, and no queries beside it: each question excludes the others and the
  # queries (*); --help and --version answer at once, so nothing follows them (-).
  local -a questions
@QUESTIONS@
  local q="(${questions[*]} *)"

  _arguments -s -S \
@SPECS@
    '*:query (@QUERIES@): '
}

# Autoloaded from $fpath, this file is the completion function's body; sourced, it defines the
# function and registers it.
if [[ $funcstack[1] == _portinfo ]]; then
  _portinfo "$@"
else
  compdef _portinfo portinfo
fi
)zsh";
static_assert(occurrences(zsh_template, "\n@QUESTIONS@\n") == 1 &&
                  occurrences(zsh_template, "\n@SPECS@\n") == 1 &&
                  occurrences(zsh_template, "(@QUERIES@)") == 1,
              "the zsh template has each slot once");

// Text in single quotes, as zsh and bash read it: a quote inside is '\''.
inline std::string single_quoted(std::string_view text) {
  std::string result = "'";
  for (const char c : text) {
    result += c == '\'' ? "'\\''" : std::string(1, c);
  }
  return result + "'";
}

// Text with a backslash before each of the characters that end a part of an _arguments spec.
inline std::string zsh_escaped(std::string_view text, std::string_view specials) {
  std::string escaped;
  for (const char c : text) {
    if (c == '\\' || specials.find(c) != std::string_view::npos) {
      escaped += '\\';
    }
    escaped += c;
  }
  return escaped;
}

// "questions=(--search ... --help -h)": every name of every question.
inline std::string zsh_questions() {
  std::vector<std::string_view> names;
  for (const option& known : options) {
    if (known.asks) {
      for (const std::string_view name : names_of(known)) {
        names.push_back(name);
      }
    }
  }
  const std::string_view start = "  questions=(";
  return std::string(start) + wrapped(names, start.size(), "    ") + ")\n";
}

// An option's spec for _arguments: what it excludes, its names, its summary, and its value's
// message and choices: "${q}"'--status=[assigned, ...]:PORT[/PROTO]: '.
inline std::string zsh_spec(const option& known) {
  const bool is_question = known.asks.has_value();
  const bool ends_the_line = is_question && answers_at_once(*known.asks);
  // A question excludes the others ($q, outside the quotes: zsh expands it); --help and
  // --version, everything (nothing follows them).
  std::string spec = is_question && !ends_the_line ? "\"${q}\"" : "";
  std::string in_quotes = ends_the_line ? "(- *)" : "";
  if (!known.short_name.empty()) {
    // {--help,-h}: the same spec for each name (short_names_take_no_value: no "=" after -h).
    spec += in_quotes.empty() ? "" : single_quoted(in_quotes);
    spec += "{" + std::string(known.name) + "," + std::string(known.short_name) + "}";
    in_quotes.clear();
  } else {
    in_quotes += known.name;
  }
  in_quotes += known.value.empty() ? "" : "=";
  in_quotes += "[" + zsh_escaped(summary_of(known), "[]") + "]";
  if (lists_choices(known.value)) {
    in_quotes += ":" + std::string(known.name.substr(2)) + ":(" + choice_words(known.value) + ")";
  } else if (!known.value.empty()) {
    in_quotes += ":" + zsh_escaped(known.value, ":") + ": ";
  }
  return spec + single_quoted(in_quotes);
}

inline std::string zsh_completion() {
  std::string specs;
  for (const option& known : options) {
    specs += "    " + zsh_spec(known) + " \\\n";
  }
  return filled(zsh_template, {{"@QUESTIONS@\n", zsh_questions()},
                               {"@SPECS@\n", specs},
                               {"@QUERIES@", std::string(query_examples)}});
}

// --- fish ------------------------------------------------------------------------------------

inline constexpr std::string_view fish_template = R"fish(# SPDX-License-Identifier: BSL-1.0
# fish completion for portinfo(1): its options, and the values of those that list them.
# Generated by `portinfo --generate fish` from options[] in tools/portinfo/command_line.hpp and
# the template in tools/portinfo/generate.hpp: do not edit; edit those, then build the target
# portinfo-docs. Installed as share/fish/vendor_completions.d/portinfo.fish.

# A QUERY is a port or a service name, not a file.
complete -c portinfo -f

# The settings, then the questions (one a call).
@OPTIONS@)fish";
static_assert(occurrences(fish_template, "\n@OPTIONS@") == 1,
              "the fish template has its slot once, on a line of its own");

// Text in single quotes, as fish reads it: a quote or a backslash inside is escaped.
inline std::string fish_quoted(std::string_view text) {
  std::string result = "'";
  for (const char c : text) {
    if (c == '\'' || c == '\\') {
      result += '\\';
    }
    result += c;
  }
  return result + "'";
}

// "complete -c portinfo -l protocol -x -a 'tcp udp sctp dccp' -d '...'": -x for a value to
// type (no files), with -a for the choices to offer.
inline std::string fish_line(const option& known) {
  std::string line = "complete -c portinfo";
  if (!known.short_name.empty()) {
    line += " -s " + std::string(known.short_name.substr(1));
  }
  line += " -l " + std::string(known.name.substr(2));
  if (!known.value.empty()) {
    line += " -x";
  }
  if (lists_choices(known.value)) {
    line += " -a " + fish_quoted(choice_words(known.value));
  }
  return line + " -d " + fish_quoted(summary_of(known)) + "\n";
}

inline std::string fish_completion() {
  std::string lines;
  for (const option& known : options) {
    lines += fish_line(known);
  }
  return filled(fish_template, {{"@OPTIONS@", lines}});
}

// --- What --generate prints --------------------------------------------------------------------

struct document {
  std::string_view kind;  // what --generate is given
  std::string (*write)();
};

inline constexpr document documents[] = {
    {"man", man_page},
    {"bash", bash_completion},
    {"zsh", zsh_completion},
    {"fish", fish_completion},
};

// Does --generate's value name the documents, in order? Its choices are what the parser accepts
// and the completions offer; this table is what each prints.
constexpr bool names_the_documents(std::string_view value) noexcept {
  if (choice_count(value) != std::size(documents)) {
    return false;
  }
  for (std::size_t i = 0; i < std::size(documents); ++i) {
    if (choice(value, i) != documents[i].kind) {
      return false;
    }
  }
  return true;
}
static_assert(names_the_documents(value_of("--generate")),
              "--generate's value names the documents of generate.hpp, in order");

// The document of a kind --generate accepts (the parser has checked it is one).
inline std::string generated(std::string_view kind) {
  for (const document& each : documents) {
    if (each.kind == kind) {
      return each.write();
    }
  }
  return {};
}

}  // namespace portinfo

#endif  // PORTINFO_GENERATE_HPP
