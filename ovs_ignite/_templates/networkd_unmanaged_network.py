# Compiled from templates/networkd-unmanaged.network.j2: do not edit.
from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'networkd-unmanaged.network.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_names = resolve('names')
    try:
        t_1 = environment.filters['join']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'join' found.")
    pass
    template = environment.get_template('header.j2', 'networkd-unmanaged.network.j2')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    yield "# systemd-networkd leaves the interfaces of Open vSwitch alone (Flatcar's catch-all\n# zz-default.network would run DHCP on them and drop the addresses ovs-ignite sets).\n[Match]\nName="
    yield str(t_1(context.eval_ctx, (undefined(name='names') if l_0_names is missing else l_0_names), ' '))
    yield '\n\n[Link]\nUnmanaged=yes\n'

blocks = {}
debug_info = '1=18&5=25'