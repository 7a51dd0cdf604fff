from antt_cli.cli.start import main

main()
