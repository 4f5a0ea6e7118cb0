// TODO(cli)
