package dev.hybriddb.internal.jooq;

import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Types;
import java.util.Objects;
import org.jooq.Binding;
import org.jooq.BindingGetResultSetContext;
import org.jooq.BindingGetSQLInputContext;
import org.jooq.BindingGetStatementContext;
import org.jooq.BindingRegisterContext;
import org.jooq.BindingSQLContext;
import org.jooq.BindingSetSQLOutputContext;
import org.jooq.BindingSetStatementContext;
import org.jooq.Converter;
import org.jooq.impl.DSL;

/**
 * A binding for a PostgreSQL type that jOOQ does not know, exchanged in its text form: values are
 * bound as text and cast with {@code ::<type>}, and read with {@code getString}.
 *
 * @param <U> the Java type
 */
abstract class TextCastBinding<U> implements Binding<Object, U> {
    private static final long serialVersionUID = 1L;

    private final String castType;

    TextCastBinding(String castType) {
        this.castType = castType;
    }

    /** Text form of a value (never null). */
    abstract String format(U value);

    /** Value of a non-null text form. */
    abstract U parse(String text);

    abstract Class<U> userType();

    @Override
    public final Converter<Object, U> converter() {
        return Converter.ofNullable(Object.class, userType(),
                db -> parse(db.toString()),
                this::format);
    }

    @Override
    public final void sql(BindingSQLContext<U> ctx) throws SQLException {
        if (ctx.render().paramType() == org.jooq.conf.ParamType.INLINED) {
            ctx.render().visit(DSL.inline(ctx.convert(converter()).value())).sql("::" + castType);
        } else {
            ctx.render().sql(ctx.variable()).sql("::" + castType);
        }
    }

    @Override
    public final void register(BindingRegisterContext<U> ctx) throws SQLException {
        ctx.statement().registerOutParameter(ctx.index(), Types.VARCHAR);
    }

    @Override
    public final void set(BindingSetStatementContext<U> ctx) throws SQLException {
        Object text = ctx.convert(converter()).value();
        ctx.statement().setString(ctx.index(), Objects.toString(text, null));
    }

    @Override
    public final void get(BindingGetResultSetContext<U> ctx) throws SQLException {
        ctx.convert(converter()).value(ctx.resultSet().getString(ctx.index()));
    }

    @Override
    public final void get(BindingGetStatementContext<U> ctx) throws SQLException {
        ctx.convert(converter()).value(ctx.statement().getString(ctx.index()));
    }

    @Override
    public final void set(BindingSetSQLOutputContext<U> ctx) throws SQLException {
        throw new SQLFeatureNotSupportedException(castType + " in SQLOutput");
    }

    @Override
    public final void get(BindingGetSQLInputContext<U> ctx) throws SQLException {
        throw new SQLFeatureNotSupportedException(castType + " in SQLInput");
    }
}
