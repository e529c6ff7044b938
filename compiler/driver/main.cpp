// The `icp` executable: one subcommand per cmd_*.cpp file.
#include <exception>
#include <iostream>

#include "driver/cli.h"
#include "driver/llvm_plugin.h"
#include "driver/output_file.h"
#include "source/deep_stack.h"

#ifndef ICP_VERSION
#define ICP_VERSION "0.0.0"
#endif

// Every subcommand, in `icp --help` order. To add one, write cmd_NAME.cpp
// defining `Command setup_NAME(CLI::App&)` and add X(NAME) here.
#define ICP_SUBCOMMANDS(X) \
  X(check)                 \
  X(fmt)                   \
  X(lsp)                   \
  X(test)                  \
  X(explain)               \
  X(score)                 \
  X(build)                 \
  X(diagnostics)

namespace icp::driver {
#define X(name) Command setup_##name(CLI::App& icp);
ICP_SUBCOMMANDS(X)
#undef X
}  // namespace icp::driver

namespace {

int run(int argc, char** argv) {
  using namespace icp::driver;
  install_plugin_jit();
  init_output_files();
  CLI::App app{"icp: the compiler for Ideal Customer Profiles (.icp files)", "icp"};
  app.set_version_flag("--version", "icp " ICP_VERSION, "Print the version and exit");
  app.require_subcommand(0, 1);
  std::vector<Command> commands;
#define X(name) commands.push_back(setup_##name(app));
  ICP_SUBCOMMANDS(X)
#undef X
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::string sub;
    for (const auto& c : commands)
      if (c.app->parsed()) sub = " " + c.app->get_name();
    usage_error(e.what());
    std::cerr << "Run 'icp" << sub << " --help' for usage.\n";
    return kExitUsage;
  }
  for (const auto& c : commands)
    if (c.app->parsed()) return c.run();
  std::cerr << app.help();
  return kExitUsage;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    // Every command on a stack of our choosing, not the shell's ulimit
    // (source/deep_stack.h).
    return icp::with_deep_stack([&] { return run(argc, argv); });
  } catch (const std::exception& e) {
    std::cerr << "icp: internal error: " << e.what() << "\n"
              << "This is a bug in icp; please report it with the input that caused it.\n";
  } catch (...) {
    std::cerr << "icp: internal error: unknown exception\n"
              << "This is a bug in icp; please report it with the input that caused it.\n";
  }
  return icp::driver::kExitInternal;
}
