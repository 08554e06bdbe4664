//! clap's help in Chinese: the headings (用法/命令/参数/选项), the -h/-V
//! flags and the `help` subcommand, which clap otherwise writes in English
//! whatever the descriptions are. Applied to the finished command, so each
//! subcommand's own arguments stay where they are declared.

use clap::{Arg, ArgAction, Command, CommandFactory, FromArgMatches};

const TEMPLATE: &str = "{about-with-newline}\n用法：{usage}\n\n{all-args}{after-help}";
const HELP: &str = "help";

/// Parses the process arguments as `T`, with the help in Chinese.
pub fn parse<T: CommandFactory + FromArgMatches>() -> T {
    let mut cmd = chinese(T::command(), true);
    // names the subcommands' usage lines "nianbao check …", as clap's own help does
    cmd.build();
    let matches = cmd.clone().get_matches();
    if let Some((HELP, m)) = matches.subcommand() {
        let target = m.get_one::<String>("command");
        let shown = match target.and_then(|name| cmd.find_subcommand_mut(name)) {
            Some(sub) => sub.print_help(),
            None if target.is_some() => {
                let name = target.map(String::as_str).unwrap_or_default();
                eprintln!("错误：没有名为“{name}”的命令（nianbao --help 列出全部命令）");
                std::process::exit(2);
            }
            None => cmd.print_help(),
        };
        let _ = shown;
        std::process::exit(0);
    }
    T::from_arg_matches(&matches).unwrap_or_else(|e| e.exit())
}

fn chinese(cmd: Command, top: bool) -> Command {
    let mut cmd = cmd
        .help_template(TEMPLATE)
        .subcommand_help_heading("命令")
        .disable_help_flag(true)
        .disable_version_flag(true)
        .mut_args(|a| {
            let heading = if a.is_positional() { "参数" } else { "选项" };
            values_in_chinese(a).help_heading(heading)
        })
        .arg(Arg::new("help").short('h').long("help").action(ArgAction::Help).help("显示帮助").help_heading("选项"));
    if top {
        cmd = cmd
            .arg(
                Arg::new("version")
                    .short('V')
                    .long("version")
                    .action(ArgAction::Version)
                    .help("显示版本")
                    .help_heading("选项"),
            )
            .disable_help_subcommand(true)
            .subcommand(
                Command::new(HELP)
                    .about("显示帮助（或某个命令的帮助）")
                    .arg(Arg::new("command").value_name("COMMAND").help("命令名，如 check")),
            );
    }
    cmd.mut_subcommands(|s| chinese(s, false))
}

/// clap's "[default: human] [possible values: human, json]", said in Chinese.
fn values_in_chinese(a: Arg) -> Arg {
    let possible: Vec<String> = a.get_possible_values().iter().map(|v| v.get_name().to_owned()).collect();
    let default: Vec<String> = a.get_default_values().iter().map(|v| v.to_string_lossy().into_owned()).collect();
    // flags have the possible values true/false, which nobody types
    if !a.get_action().takes_values() || (possible.is_empty() && default.is_empty()) {
        return a;
    }
    let mut notes = Vec::new();
    if !possible.is_empty() {
        notes.push(format!("可选：{}", possible.join("、")));
    }
    if !default.is_empty() {
        notes.push(format!("默认：{}", default.join("、")));
    }
    let help = a.get_help().map(|h| h.to_string()).unwrap_or_default();
    a.help(format!("{help}（{}）", notes.join("；"))).hide_possible_values(true).hide_default_value(true)
}
