"""settings: the school and its contact person, printed on handover sheets and forms."""

from __future__ import annotations

import click

from cybercase.cli.common import emit_json, get_env, json_option
from cybercase.core.termsafe import safe
from cybercase.vault.settings import Settings, get_settings, set_settings

_LABELS = (("school", "School"), ("address", "Address"), ("contact_name", "Contact person"),
           ("phone", "Phone"), ("email", "E-mail"))


def _show(settings: Settings) -> None:
    for name, label in _LABELS:
        click.echo(f"{label + ':':<16}{safe(getattr(settings, name)) or '-'}")
    missing = settings.missing()
    if missing:
        click.echo("Not set yet (needed on the police handover sheet): "
                   + ", ".join("--" + m.replace("_", "-") for m in missing)
                   + " (`cybercase settings set`)")


@click.group("settings", invoke_without_command=True)
@json_option
@click.pass_context
def settings_group(ctx: click.Context, as_json: bool) -> None:
    """The school's name, address and contact person (on handover sheets and forms).

    Without a subcommand: the same as `settings show`.
    """
    if ctx.invoked_subcommand is None:
        _show_cmd(ctx, as_json)


def _show_cmd(ctx: click.Context, as_json: bool) -> None:
    settings = get_settings(get_env(ctx).vault())
    if as_json:
        emit_json(settings.to_json())
    else:
        _show(settings)


@settings_group.command("show")
@json_option
@click.pass_context
def settings_show(ctx: click.Context, as_json: bool) -> None:
    """Show the settings."""
    _show_cmd(ctx, as_json)


@settings_group.command("set")
@click.option("--school", default=None, help="The school's name.")
@click.option("--address", default=None, help="The school's address (one line).")
@click.option("--contact-name", default=None,
              help="Whom the police call to check a bundle (usually the coordinator).")
@click.option("--phone", default=None, help="That person's telephone number.")
@click.option("--email", default=None, help="That person's e-mail address.")
@json_option
@click.pass_context
def settings_set(ctx: click.Context, school: str | None, address: str | None,
                 contact_name: str | None, phone: str | None, email: str | None,
                 as_json: bool) -> None:
    """Change settings (coordinator only; an empty value clears one). Logged."""
    settings = set_settings(get_env(ctx).vault(), school=school, address=address,
                            contact_name=contact_name, phone=phone, email=email)
    if as_json:
        emit_json(settings.to_json())
    else:
        _show(settings)
