// Extension-host test entry (extensionTestsPath = out/test/vscode/index.js). VS Code calls run().
// esbuild bundles the spec modules required below into this one file; add new specs here.
import { runSpecs } from './runner';

export function run(): Promise<void> {
  return runSpecs((config) => {
    if (config.trust === 'no') {
      // The driver answered the workspace-trust dialog "No": Restricted Mode.
      require('./restricted.test');
      require('./reliability-restricted.test');
      require('./lm-tools-restricted.test');
      require('./mcp-provider-restricted.test');
      require('./history-restricted.test');
    } else {
      require('./activation.test');
      require('./diagnostics.test');
      require('./update.test');
      require('./sidebar.test');
      require('./reliability.test');
      require('./lm-tools.test');
      require('./mcp-provider.test');
      require('./history.test');
    }
  });
}
