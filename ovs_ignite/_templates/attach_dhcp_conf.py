# Compiled from templates/attach-dhcp.conf.j2: do not edit.
from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'attach-dhcp.conf.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_container_name = resolve('container_name')
    pass
    template = environment.get_template('header.j2', 'attach-dhcp.conf.j2')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    yield '# The DHCP client of container '
    yield str((undefined(name='container_name') if l_0_container_name is missing else l_0_container_name))
    yield "'s interfaces with address: dhcp runs\n# while it is attached (bound to this unit, after it).\n[Unit]\nWants=ovs-ignite-container-dhcp@"
    yield str((undefined(name='container_name') if l_0_container_name is missing else l_0_container_name))
    yield '.service\n'

blocks = {}
debug_info = '1=12&2=19&5=21'