# cmake -DNPM=npm -DDIR=editors/vscode -DWORK=scratch-dir -DSCRIPT=name [-DVSIX=file] -P run_npm.cmake
#
# Runs `npm run SCRIPT` in DIR. With VSIX, removes DIR/VSIX first, and checks
# afterwards that the script made it and that it holds the extension, its
# runtime dependencies and nothing of the sources, tests or dev tools.
if(NOT NPM OR NOT EXISTS "${NPM}")
  message(FATAL_ERROR "npm was not found when the build was configured: install Node.js and npm "
                      "(scripts/bootstrap.sh --test does) and configure again.")
endif()
if(NOT IS_DIRECTORY "${DIR}/node_modules")
  message(FATAL_ERROR "${DIR}/node_modules is missing: run `npm ci` in editors/vscode "
                      "(scripts/bootstrap.sh --test does) before these tests.")
endif()

if(VSIX)
  file(REMOVE "${DIR}/${VSIX}")
endif()

execute_process(COMMAND "${NPM}" run --silent "${SCRIPT}"
                WORKING_DIRECTORY "${DIR}"
                RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "`npm run ${SCRIPT}` in ${DIR} failed (${rc})")
endif()

if(VSIX)
  set(vsix "${DIR}/${VSIX}")
  if(NOT EXISTS "${vsix}")
    message(FATAL_ERROR "`npm run ${SCRIPT}` did not write ${vsix}")
  endif()
  file(SIZE "${vsix}" size)
  if(size EQUAL 0)
    message(FATAL_ERROR "${vsix} is empty")
  endif()

  set(unpacked "${WORK}/vsix")
  file(REMOVE_RECURSE "${unpacked}")
  file(ARCHIVE_EXTRACT INPUT "${vsix}" DESTINATION "${unpacked}")
  set(bad "")
  foreach(f extension.vsixmanifest
            extension/package.json
            extension/out/extension.js
            extension/language-configuration.json
            extension/syntaxes/icp.tmLanguage.json
            extension/snippets/icp.json
            extension/readme.md
            extension/node_modules/vscode-languageclient/node.js
            extension/node_modules/vscode-languageclient/package.json
            extension/node_modules/vscode-languageserver-protocol/package.json
            extension/node_modules/vscode-jsonrpc/package.json)
    if(NOT EXISTS "${unpacked}/${f}")
      string(APPEND bad "\n  missing: ${f}")
    endif()
  endforeach()
  foreach(f extension/src extension/tests extension/tsconfig.json
            extension/node_modules/typescript extension/node_modules/@vscode/vsce
            extension/node_modules/vscode-tmgrammar-test extension/node_modules/.bin)
    if(EXISTS "${unpacked}/${f}")
      string(APPEND bad "\n  should not be packaged: ${f}")
    endif()
  endforeach()
  if(bad)
    message(FATAL_ERROR "${vsix} is not as expected:${bad}")
  endif()
  file(REMOVE_RECURSE "${unpacked}")
  message(STATUS "${vsix}: ${size} bytes, contents checked")
endif()
