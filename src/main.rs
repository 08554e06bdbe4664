//! The `nianbao` binary: the command-line checker and the language server.
//! Only this side of the crate touches the file system, tokio, clap or LSP.

mod cli;
mod input;
mod lsp;
mod project;
mod serve;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

#[derive(Parser)]
#[command(name = "nianbao", version, about = "政府信息公开工作年度报告检查工具（命令行与语言服务器）")]
struct Args {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// 检查年报草稿（.txt / .md / .docx / .html 文件或目录）
    Check(cli::CheckArgs),
    /// 显示规则说明
    Explain(cli::ExplainArgs),
    /// 输出完整的年报模板
    Skeleton(cli::SkeletonArgs),
    /// 列出全部规则
    Rules,
    /// 把 .docx/.html 转换为 nianbao 检查的文本（表格为 TAB 分隔）并输出
    Convert(cli::ConvertArgs),
    /// 以语言服务器方式运行（stdio）
    Lsp(lsp::LspArgs),
    /// 在本机浏览器中打开年报编辑页面（仅监听 127.0.0.1）
    Serve(serve::ServeArgs),
}

fn main() -> ExitCode {
    // clap's help in Chinese (src/cli/help.rs)
    let args: Args = cli::parse_args();
    match args.command {
        Command::Check(a) => cli::check(a),
        Command::Explain(a) => cli::explain(a),
        Command::Skeleton(a) => cli::skeleton(a),
        Command::Rules => cli::rules(),
        Command::Convert(a) => cli::convert(a),
        Command::Lsp(a) => lsp::run(a),
        Command::Serve(a) => serve::run(a),
    }
}
