from .initial_transfer import main

main()
