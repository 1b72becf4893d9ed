# SPDX-License-Identifier: MIT
# Bash completion for smbstrat(1): the commands, each command's options, the
# values of the options that take a word (--format, --what, --method,
# --measure, --template, --source-rho), and file names: *.json documents for
# the operands, any file for -o.
#
# Installed as bash-completion/completions/smbstrat; to try it without
# installing, source this file in bash.

_smbstrat_commands="validate score plan simulate render report diff new"
_smbstrat_templates="bakery boutique accounting-firm fitness-studio software-startup"
_smbstrat_sources="technology customer_expectations economic global_event business_model
regulatory competition digital_platforms cyber"

# The long options of a command.
_smbstrat_options()
{
    case $1 in
    validate) echo "--format --strict --output --help" ;;
    score) echo "--format --output --help" ;;
    plan) echo "--budget --method --format --output --help" ;;
    simulate)
        echo "--trials --seed --threads --rho --source-rho --measure --level" \
            "--percentiles --threshold --fail-above --responses --plan --no-totals" \
            "--format --output --quiet --help"
        ;;
    render) echo "--what --format --output --help" ;;
    report) echo "--output --format --trials --seed --threads --rho --no-simulation --help" ;;
    diff) echo "--format --exit-code --output --help" ;;
    new) echo "--template --list --name --output --force --format --help" ;;
    esac
}

# What follows option $2 of command $1: its words, FILE for a file name,
# TEXT for free text or a number, nothing when it takes no value. Short
# options mean different things in different commands (-t is --template for
# new, --threads for report).
_smbstrat_values()
{
    case $1:$2 in
    render:--format | render:-f) echo "markdown svg html" ;;
    report:--format | report:-f) echo "html markdown" ;;
    *:--format | *:-f) echo "text json" ;;
    render:--what | render:-w) echo "canvas forces scenarios" ;;
    plan:--method | plan:-m) echo "topsis weighted_sum" ;;
    simulate:--measure | simulate:-m) echo "severity money" ;;
    new:--template | new:-t) echo "$_smbstrat_templates" ;;
    simulate:--source-rho) echo "SOURCE" ;;
    *:--output | *:-o) echo "FILE" ;;
    new:--name | new:-n | plan:--budget | plan:-b) echo "TEXT" ;;
    simulate:--trials | simulate:--seed | simulate:-s | simulate:--threads | simulate:--rho) echo "TEXT" ;;
    simulate:--level | simulate:--percentiles | simulate:--threshold) echo "TEXT" ;;
    simulate:--fail-above | simulate:--responses) echo "TEXT" ;;
    report:--trials | report:-n | report:--seed | report:-s | report:--threads | report:-t) echo "TEXT" ;;
    report:--rho) echo "TEXT" ;;
    esac
}

# Add the lines that command "$@" prints to COMPREPLY.
_smbstrat_add()
{
    mapfile -t -O "${#COMPREPLY[@]}" COMPREPLY < <("$@")
}

# Add the names matching $cur to COMPREPLY: directories and, when a pattern
# is given, only the files that match it.
_smbstrat_files()
{
    local pattern=$1
    compopt -o filenames 2>/dev/null
    if [[ -n $pattern ]]; then
        _smbstrat_add compgen -d -- "$cur"
        _smbstrat_add compgen -f -X "!$pattern" -- "$cur"
    else
        _smbstrat_add compgen -f -- "$cur"
    fi
}

_smbstrat()
{
    local cur prev command values i word takes
    COMPREPLY=()
    cur=${COMP_WORDS[COMP_CWORD]}
    prev=""
    if ((COMP_CWORD > 0)); then
        prev=${COMP_WORDS[COMP_CWORD - 1]}
    fi
    # "--format=js" arrives as "--format" "=" "js" (= breaks words).
    if [[ $cur == "=" ]]; then
        cur=""
    elif [[ $prev == "=" ]] && ((COMP_CWORD > 1)); then
        prev=${COMP_WORDS[COMP_CWORD - 2]}
    fi

    # The command is the first word after the program that is not an option.
    command=""
    for ((i = 1; i < COMP_CWORD; i++)); do
        word=${COMP_WORDS[i]}
        if [[ $word != -* ]]; then
            command=$word
            break
        fi
    done

    if [[ -z $command ]]; then
        if [[ $cur == -* ]]; then
            _smbstrat_add compgen -W "--help --version" -- "$cur"
        else
            _smbstrat_add compgen -W "$_smbstrat_commands help" -- "$cur"
        fi
        return 0
    fi

    values=$(_smbstrat_values "$command" "$prev")
    case $values in
    FILE)
        _smbstrat_files ""
        return 0
        ;;
    TEXT)
        return 0
        ;;
    SOURCE)
        # SOURCE=R: the source, then the correlation is typed.
        compopt -o nospace 2>/dev/null
        for word in $_smbstrat_sources; do
            takes+=" $word="
        done
        _smbstrat_add compgen -W "$takes" -- "$cur"
        return 0
        ;;
    ?*)
        _smbstrat_add compgen -W "$values" -- "$cur"
        return 0
        ;;
    esac

    if [[ $cur == -* ]]; then
        _smbstrat_add compgen -W "$(_smbstrat_options "$command")" -- "$cur"
        return 0
    fi
    case $command in
    help) _smbstrat_add compgen -W "$_smbstrat_commands" -- "$cur" ;;
    new) _smbstrat_add compgen -W "canvas forces" -- "$cur" ;;
    validate | score | plan | simulate | render | report | diff) _smbstrat_files "*.json" ;;
    esac
    return 0
}

complete -F _smbstrat smbstrat
