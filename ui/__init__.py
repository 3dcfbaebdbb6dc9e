"""VRM Wallet desktop app (Qt). Shows the core's public API; holds no SQL, crypto, HTTP or rules."""
