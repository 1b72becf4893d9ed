# SPDX-License-Identifier: MIT
# Bash completion for smbstrat(1): commands, each command's options, the
# values of --format, --what, --method and --template, and file names
# (*.json documents for the operands, any file for -o).
#
# Installed as bash-completion/completions/smbstrat; to try it without
# installing, source this file in bash.

_smbstrat_commands="validate score plan render diff new"
_smbstrat_templates="bakery boutique accounting-firm fitness-studio software-startup"

# The long options of a command.
_smbstrat_options()
{
    case $1 in
    validate) echo "--format --strict --help" ;;
    score) echo "--format --help" ;;
    plan) echo "--budget --method --format --help" ;;
    render) echo "--what --format --output --help" ;;
    diff) echo "--format --exit-code --help" ;;
    new) echo "--template --list --name --output --force --format --help" ;;
    help) echo "" ;;
    *) echo "--help --version" ;;
    esac
}

# The values an option takes, or "FILE" for a file name, or nothing when
# the option takes no value or any text.
_smbstrat_values()
{
    local command=$1 option=$2
    case $option in
    --format | -f)
        case $command in
        render) echo "markdown svg html" ;;
        *) echo "text json" ;;
        esac
        ;;
    --what | -w) echo "canvas forces scenarios" ;;
    --method | -m) echo "topsis weighted_sum" ;;
    --template | -t) echo "$_smbstrat_templates" ;;
    --output | -o) echo "FILE" ;;
    --budget | -b | --name | -n) echo "TEXT" ;;
    esac
}

# Add file names matching $cur to COMPREPLY: directories and, when a
# pattern is given, only the files that match it.
_smbstrat_files()
{
    local IFS=$'\n' pattern=$1
    compopt -o filenames 2>/dev/null
    if [[ -n $pattern ]]; then
        COMPREPLY+=($(compgen -d -- "$cur"))
        COMPREPLY+=($(compgen -f -X "!$pattern" -- "$cur"))
    else
        COMPREPLY+=($(compgen -f -- "$cur"))
    fi
}

_smbstrat()
{
    local cur prev command values i word
    COMPREPLY=()
    cur=${COMP_WORDS[COMP_CWORD]}
    prev=""
    if ((COMP_CWORD > 0)); then
        prev=${COMP_WORDS[COMP_CWORD - 1]}
    fi
    # "--format=js" arrives as "--format" "=" "js" (= is a word breaker).
    if [[ $cur == "=" ]]; then
        prev=${COMP_WORDS[COMP_CWORD - 1]}
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
            COMPREPLY=($(compgen -W "--help --version" -- "$cur"))
        else
            COMPREPLY=($(compgen -W "$_smbstrat_commands help" -- "$cur"))
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
    ?*)
        COMPREPLY=($(compgen -W "$values" -- "$cur"))
        return 0
        ;;
    esac

    if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "$(_smbstrat_options "$command")" -- "$cur"))
        return 0
    fi
    case $command in
    help) COMPREPLY=($(compgen -W "$_smbstrat_commands" -- "$cur")) ;;
    new) COMPREPLY=($(compgen -W "canvas forces" -- "$cur")) ;;
    validate | score | plan | render | diff) _smbstrat_files "*.json" ;;
    esac
    return 0
}

complete -F _smbstrat smbstrat
