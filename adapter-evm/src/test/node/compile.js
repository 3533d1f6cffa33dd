// Compiles contracts/SietchTestToken.sol offline with solc-js (the Solidity compiler built to pure
// JavaScript) and prints {"bytecode": "0x…", "methods": {"mint(address,uint256)": "40c10f19", …}}.
// EVM target shanghai: ganache 7.9 does not run Cancun opcodes (MCOPY, TSTORE).
'use strict';
const fs = require('fs');
const path = require('path');
const solc = require('solc');

const name = 'SietchTestToken';
const source = path.join(__dirname, 'contracts', `${name}.sol`);
const input = {
  language: 'Solidity',
  sources: { [`${name}.sol`]: { content: fs.readFileSync(source, 'utf8') } },
  settings: {
    evmVersion: 'shanghai',
    optimizer: { enabled: true, runs: 200 },
    outputSelection: { '*': { '*': ['evm.bytecode.object', 'evm.methodIdentifiers'] } },
  },
};

function findImports(importPath) {
  try {
    return { contents: fs.readFileSync(require.resolve(importPath), 'utf8') };
  } catch (e) {
    return { error: `not found: ${importPath}` };
  }
}

const output = JSON.parse(solc.compile(JSON.stringify(input), { import: findImports }));
const errors = (output.errors || []).filter((e) => e.severity === 'error');
if (errors.length > 0) {
  process.stderr.write(errors.map((e) => e.formattedMessage).join('\n'));
  process.exit(1);
}
const contract = output.contracts[`${name}.sol`][name];
process.stdout.write(
  JSON.stringify({ bytecode: '0x' + contract.evm.bytecode.object, methods: contract.evm.methodIdentifiers }),
);
