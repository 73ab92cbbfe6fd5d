from wirescope.cli.main import main

main()
