from newslint.launcher import main

main()
