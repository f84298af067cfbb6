function run() { return 0; }
