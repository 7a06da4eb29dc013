#!/bin/sh
# SPDX-License-Identifier: BSL-1.0
# Switches the ianaports NSS module on and off in nsswitch.conf: the source `ianaports` on the
# services line, after `files`. The libnss-ianaports packages' maintainer scripts carry the
# functions below: CMake pastes the lines from the begin marker to the end marker, both
# included, in place of their @IANAPORTS_NSSWITCH_FUNCTIONS@ line. Run as a command, it does
# the same by hand:
#
#     sh packaging/nsswitch.sh add|remove [FILE]      (FILE: /etc/nsswitch.conf by default)
#
# Sourced with `.`, it only defines the functions.

# --- ianaports nsswitch functions: begin
# ianaports_nsswitch_add FILE [MARK], ianaports_nsswitch_remove FILE [MARK]: put the source
# `ianaports` on FILE's services line, or take it off (with a MARK, only if add put it there).
# Each returns 0 when FILE ends up as asked or cannot be (no FILE, no services line: add says
# so on stderr), and non-zero with a message on stderr on a real error, FILE then being as it
# was. add writes the word and one space, before it or, where something follows at once, after
# it; remove takes off the word, the action items after it, and that space. Every other byte
# stays: other lines, comments, spacing, tabs, the \r of CRLF lines, a last line without a
# newline. When nothing changes, nothing is written.
#
# How glibc reads the file (nss/nss_database.c since 2.33, nss/nsswitch.c before): white space
# at the start of a line is skipped; the database name runs up to white space or ':' and is
# compared with strcmp, so only `services`, in lower case, is the services database (a
# colon-less `services files` is one too); its sources follow, each optionally followed by one
# `[STATUS=ACTION ...]` item. Since 2.33 each line of a database replaces the one before, so
# the LAST services line is the one used, and the one edited (2.32 and older used the first; two
# services lines are a mistake of the administrator's either way). Before 2.33 `#` started a
# comment anywhere; since, a comment after the sources is read as more sources, which name no
# module and are skipped. So the word goes before such a comment, where every glibc reads it,
# and a word inside a comment is not taken for a source.
#
# ianaports_nsswitch_edit runs in a subshell, ( ), and the helpers it calls run in that one, so
# that no variable of theirs touches the maintainer script's; every command that may fail is
# tested, so that they behave under set -e. No percent sign between the markers: rpmbuild reads
# the scriptlets of a spec file as macro text, where one starts a macro.

ianaports_nsswitch_add() {
    ianaports_nsswitch_edit add "$1" "${2-}"
}

ianaports_nsswitch_remove() {
    ianaports_nsswitch_edit remove "$1" "${2-}"
}

# ianaports_nsswitch_edit add|remove FILE [MARK]
# MARK, when named, is the package's memory that it put the word on the line: add makes it when
# it writes the word (not when the word was there already), and remove takes the word off only
# while it is there, then lets it go. So a word the administrator wrote stays.
ianaports_nsswitch_edit() (
    action=$1
    file=$2
    mark=$3
    if [ "$action" = remove ] && [ -n "$mark" ] && [ ! -e "$mark" ]; then
        exit 0
    fi
    # No file (or a dangling link): glibc uses its defaults, and writing a whole nsswitch.conf
    # for them would decide for the administrator.
    if [ ! -e "$file" ]; then
        ianaports_nsswitch_note "$action" "there is no $file"
        ianaports_nsswitch_mark "$action" 10 "$mark" # nothing written
        exit 0
    fi
    # A link (as authselect makes) keeps pointing where it did: the file it names is replaced.
    target=$file
    if [ -L "$file" ]; then
        target=$(readlink -f -- "$file") || {
            ianaports_nsswitch_fail "$file" "cannot resolve the link"
            exit 1
        }
    fi
    if [ ! -f "$target" ] || [ ! -r "$target" ]; then
        ianaports_nsswitch_fail "$file" "$target is not a readable file"
        exit 1
    fi
    newline=1
    ianaports_nsswitch_ends_in_newline "$target" || newline=0
    status=0
    ianaports_nsswitch_rewrite "$action" check "$newline" "$target" || status=$?
    case $status in
    0) ianaports_nsswitch_replace "$action" "$newline" "$target" || exit 1 ;;
    10) ;; # already as asked
    # No services line: glibc's default applies, and a line made up here would guess at what
    # the administrator meant.
    11) ianaports_nsswitch_note "$action" "$file has no services line" ;;
    # A comment right after the last source: the word could go there only with a space that
    # remove could not tell from the administrator's own.
    12)
        ianaports_nsswitch_note "$action" \
            "a comment follows the last source of $file's services line at once"
        ;;
    *)
        ianaports_nsswitch_fail "$file" "cannot read it (awk exited with $status)"
        exit 1
        ;;
    esac
    ianaports_nsswitch_mark "$action" "$status" "$mark"
)

# ianaports_nsswitch_mark add|remove STATUS MARK: after an edit that did not fail, MARK (when
# named) is made if add wrote the word (STATUS 0), and goes once remove is done; its folder
# goes with it when nothing else is there.
ianaports_nsswitch_mark() {
    if [ -z "$3" ]; then
        return 0
    fi
    mark_dir=$(dirname -- "$3") || mark_dir=
    if [ "$1" = remove ]; then
        rm -f -- "$3" || :
        rmdir -- "$mark_dir" 2> /dev/null || :
    elif [ "$2" = 0 ] && ! { mkdir -p -- "$mark_dir" && touch -- "$3"; }; then
        echo "ianaports: cannot make $3: removing the package will leave ianaports on the" \
            'services line of nsswitch.conf' >&2
    fi
    return 0
}

# ianaports_nsswitch_replace add|remove NEWLINE FILE: writes the edited text to a temporary
# file beside FILE, with FILE's mode and owner (cp -p), flushes it to the disk, and renames it
# over FILE: on the same file system the rename is atomic, so a reader sees the old file or
# the new, never a part, and a crash after the rename cannot leave a file whose data never
# reached the disk (some file systems write a rename before the data). A sync that takes no
# file (before coreutils 8.24) flushes everything. On failure the temporary file goes, and FILE
# stays as it was.
ianaports_nsswitch_replace() {
    dir=$(dirname -- "$3") || {
        ianaports_nsswitch_fail "$3" "cannot name its folder"
        return
    }
    temp=$(mktemp "$dir/.${3##*/}.XXXXXX") || {
        ianaports_nsswitch_fail "$3" "cannot create a temporary file in $dir"
        return
    }
    if cp -p -- "$3" "$temp" \
        && ianaports_nsswitch_rewrite "$1" print "$2" "$3" > "$temp" \
        && { sync -- "$temp" 2> /dev/null || sync; } \
        && mv -f -- "$temp" "$3"; then
        return 0
    fi
    rm -f -- "$temp"
    ianaports_nsswitch_fail "$3" "cannot replace it"
}

# ianaports_nsswitch_note add|remove WHY: an add that cannot be done says so, and how to do it
# by hand, in one line on stderr; a remove has nothing to take off, and says nothing.
ianaports_nsswitch_note() {
    if [ "$1" = add ]; then
        echo "ianaports: the NSS module is not switched on ($2); to switch it on, put" \
            'ianaports after files on the services line of nsswitch.conf:' \
            '"services: files ianaports"' >&2
    fi
}

# ianaports_nsswitch_fail FILE WHY: a real error; returns 1.
ianaports_nsswitch_fail() {
    echo "ianaports: $1 left as it was: $2" >&2
    return 1
}

# ianaports_nsswitch_ends_in_newline FILE: whether FILE's last line ends in a newline (or FILE
# is empty): awk ends every line it prints with one, so it must be told when the last may not.
# read leaves an unterminated last line in its variable (and fails), a terminated one not.
ianaports_nsswitch_ends_in_newline() {
    line=
    while IFS= read -r line; do :; done < "$1"
    [ -z "$line" ]
}

# ianaports_nsswitch_rewrite add|remove check|print NEWLINE FILE: the awk program that edits
# the text. Exit status 0: the services line changes (print writes the whole new text to
# stdout, without a final newline if NEWLINE is 0); 10: nothing changes; 11: no services line;
# 12: no place for the word that remove could take exactly off; others: awk's own errors. In
# the C locale, so that any byte is a character.
ianaports_nsswitch_rewrite() {
    LC_ALL=C awk -v action="$1" -v mode="$2" -v newline="$3" '
        function is_space(c) {
            return c == " " || c == "\t" || c == "\r" || c == "\f" || c == "\v"
        }
        # Splits characters FROM to TO of LINE into tokens: source names, and action items
        # from "[" to "]". Sets ntok, and kind[], first[] and last[] of each token.
        function tokenize(line, from, to,    i, c) {
            ntok = 0
            i = from
            while (i <= to) {
                c = substr(line, i, 1)
                if (is_space(c)) { i++; continue }
                first[++ntok] = i
                if (c == "[") {
                    kind[ntok] = "action"
                    while (i <= to && substr(line, i, 1) != "]") i++
                    if (i <= to) i++
                } else {
                    kind[ntok] = "source"
                    while (i <= to && !is_space(c = substr(line, i, 1)) && c != "[") i++
                }
                last[ntok] = i - 1
            }
        }
        function is_source(line, k, name) {
            return kind[k] == "source" && substr(line, first[k], last[k] - first[k] + 1) == name
        }
        # Tokenizes the sources of the services LINE: after the name and the colon and white
        # space that follow it, up to a "#". Returns where that header ends, without its white
        # space.
        function parse(line,    header, comment, to) {
            match(line, /^[ \t\r\f\v]*services[ \t\r\f\v:]*/)
            header = RLENGTH
            comment = index(substr(line, header + 1), "#")
            to = comment ? header + comment - 1 : length(line)
            tokenize(line, header + 1, to)
            while (header > 0 && is_space(substr(line, header, 1))) header--
            return header
        }
        # The word after "files" and the action items that follow it (they stay with files),
        # or after the last source if there is no files; nothing if it is there. Written so
        # that remove can take exactly it off again: " ianaports" where white space or the
        # end of the line follows; "ianaports " where something follows at once (a source after
        # "]", a comment after ":"); and where neither is exact (a comment right after a
        # source), not at all: unplaceable is set, and the line stays.
        function with_ianaports(line,    header, k, at, after, before) {
            header = parse(line)
            for (k = 1; k <= ntok; k++)
                if (is_source(line, k, "ianaports")) return line
            at = ntok ? last[ntok] : header
            for (k = 1; k <= ntok; k++)
                if (is_source(line, k, "files")) {
                    at = last[k]
                    while (k < ntok && kind[k + 1] == "action") at = last[++k]
                    break
                }
            after = substr(line, at + 1, 1)
            if (after == "" || is_space(after))
                return substr(line, 1, at) " ianaports" substr(line, at + 1)
            before = substr(line, at, 1)
            if (before == "]" || before == ":")
                return substr(line, 1, at) "ianaports " substr(line, at + 1)
            unplaceable = 1
            return line
        }
        # Every source "ianaports" goes, with the action items after it (what to do after
        # it, which without it would fall to the source before), and with the one white-space
        # character before it, or when there is none, the one after it: what add wrote.
        function without_ianaports(line,    k, out, from, cut, end) {
            parse(line)
            out = ""
            from = 1
            for (k = 1; k <= ntok; k++)
                if (is_source(line, k, "ianaports")) {
                    cut = first[k]
                    end = last[k]
                    while (k < ntok && kind[k + 1] == "action") end = last[++k]
                    if (cut > from && is_space(substr(line, cut - 1, 1))) cut--
                    else if (is_space(substr(line, end + 1, 1))) end++
                    out = out substr(line, from, cut - from)
                    from = end + 1
                }
            return out substr(line, from)
        }
        { lines[NR] = $0 }
        /^[ \t\r\f\v]*services[ \t\r\f\v:]/ { services = NR }
        END {
            if (!services) exit 11
            line = lines[services]
            edited = action == "add" ? with_ianaports(line) : without_ianaports(line)
            if (unplaceable) exit 12
            if (edited == line) exit 10
            if (mode == "print") {
                lines[services] = edited
                ORS = ""
                for (i = 1; i <= NR; i++)
                    print lines[i] ((i < NR || newline) ? "\n" : "")
            }
            exit 0
        }
    ' "$4"
}
# --- ianaports nsswitch functions: end

# Run as a command (not when sourced): nsswitch.sh add|remove [FILE].
case ${0##*/} in
nsswitch.sh)
    case ${1-} in
    add) ianaports_nsswitch_add "${2:-/etc/nsswitch.conf}" ;;
    remove) ianaports_nsswitch_remove "${2:-/etc/nsswitch.conf}" ;;
    *)
        echo "usage: ${0##*/} add|remove [FILE]    (FILE: /etc/nsswitch.conf by default)" >&2
        exit 2
        ;;
    esac
    ;;
esac
