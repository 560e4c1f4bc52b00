"""The workbench (工作台, issue 17): the first area after sign-in — what the signed-in person has to
do today, each line opening the place where it is done, already filtered."""
