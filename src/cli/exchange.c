/* exchange: export and import (being written). */
#include <stdio.h>

#include "cli.h"

int cmd_export(const app_opts *o, int argc, char **argv)
{
	(void)o, (void)argc, (void)argv;
	fprintf(stderr, "backprep: export is not available yet\n");
	return 1;
}

int cmd_import(const app_opts *o, int argc, char **argv)
{
	(void)o, (void)argc, (void)argv;
	fprintf(stderr, "backprep: import is not available yet\n");
	return 1;
}
