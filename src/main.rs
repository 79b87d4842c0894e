fn main() -> std::process::ExitCode {
    shouce::cli::main()
}
