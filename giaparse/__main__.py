from giaparse.cli import main

main()
