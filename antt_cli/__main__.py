from antt_cli.cli.app import main

main()
